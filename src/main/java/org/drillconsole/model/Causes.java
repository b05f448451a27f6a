package org.drillconsole.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** An exception and its causes: what a failure is told by, whatever wraps it. */
public final class Causes {

    private Causes() {
    }

    /** {@code error} and its causes, outermost first, each once (a cause that comes round again ends the chain). */
    public static List<Throwable> chain(Throwable error) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = error; cause != null && !chain.contains(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }

    /** The outermost of {@code error} and its causes that is a {@code type} and {@code such}. */
    public static <T extends Throwable> Optional<T> first(Throwable error, Class<T> type, Predicate<T> such) {
        return chain(error).stream().filter(type::isInstance).map(type::cast).filter(such).findFirst();
    }
}
