package org.drillconsole.model;

/** How many of a thing, as a person writes it: "1 node", "2 nodes", "0 runs"; never "node(s)". */
public final class Words {

    private Words() {
    }

    /** {@code count} and the word, with an "s" for any count but one. */
    public static String count(long count, String one) {
        return count(count, one, one + "s");
    }

    /** {@code count} and the word, in its plural form for any count but one. */
    public static String count(long count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }
}
