package org.drillconsole.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command tree is built for the arguments given, and still looks whole to the user. */
class CliTest {

    private static final List<String> ALL = List.of("health", "sandbox", "drills", "run", "team-db", "report",
            "history");

    @Test
    void buildsOnlyTheSubcommandThatIsAskedFor() {
        assertEquals(List.of("health"), List.copyOf(Cli.commandLine("health", "--json").getSubcommands().keySet()));
        assertEquals(List.of("report"), List.copyOf(Cli.commandLine("--settings", "s.json", "report", "verify", "1")
                .getSubcommands().keySet()));
    }

    @Test
    void buildsTheWholeTreeForHelpAMistypedCommandOrAWrongOption() {
        assertEquals(ALL, List.copyOf(Cli.commandLine().getSubcommands().keySet()));
        for (String[] args : new String[][] {{"helth"}, {"--help"}, {"-h"}, {"--practice", "--help"}, {"--version"},
                {"--praktice"}, {"--settings"}, {"--practice", "extra"}}) {
            assertEquals(ALL, List.copyOf(Cli.commandLine(args).getSubcommands().keySet()), String.join(" ", args));
        }
    }

    @Test
    void buildsTheRootAloneForArgumentsThatOpenTheWindow() {
        for (String[] args : new String[][] {{}, {"--practice"}, {"--settings", "s.json", "--data-dir", "d"},
                {"--drills=drills", "--practice"}}) {
            CommandLine line = Cli.commandLine(args);
            assertEquals(List.of(), List.copyOf(line.getSubcommands().keySet()), String.join(" ", args));
        }
    }

    @Test
    void theBareCommandOpensTheWindowWithTheValuesPicocliGivesNoArguments() throws ReflectiveOperationException {
        CommandLine line = Cli.commandLine();
        line.parseArgs();
        RootCommand parsed = line.getCommand();
        RootCommand bare = RootCommand.withDefaults();
        for (java.lang.reflect.Field field : RootCommand.class.getDeclaredFields()) {
            if (java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            field.setAccessible(true);
            Object expected = field.get(parsed);
            Object actual = field.get(bare);
            if (field.isAnnotationPresent(CommandLine.Mixin.class)) {
                assertEquals(expected.getClass(), actual.getClass(), field.getName());
                for (java.lang.reflect.Field option : expected.getClass().getDeclaredFields()) {
                    if (!java.lang.reflect.Modifier.isStatic(option.getModifiers())) {
                        option.setAccessible(true);
                        assertEquals(option.get(expected), option.get(actual), field.getName() + "." + option.getName());
                    }
                }
            } else {
                assertEquals(expected, actual, field.getName());
            }
        }
    }

    @Test
    void aWrongWindowOptionIsAnsweredWithTheWholeUsage() {
        CliRun run = CliRun.of("--practice", "--praktice");
        assertEquals(Cli.USAGE, run.code(), run.err());
        assertTrue(run.err().contains("--praktice"), run.err());
        assertTrue(run.err().contains("[COMMAND]"), run.err());
    }

    @Test
    void listsEverySubcommandInTheRootHelp() {
        CliRun run = CliRun.of("--help");
        assertEquals(0, run.code(), run.err());
        ALL.forEach(name -> assertTrue(run.out().contains("  " + name + " "), name + " missing from\n" + run.out()));
    }

    @Test
    void answersASubcommandsHelpAndAMistypedSubcommandAsBefore() {
        CliRun help = CliRun.of("health", "--help");
        assertEquals(0, help.code(), help.err());
        assertTrue(help.out().contains("Usage: drill-console health"), help.out());
        CliRun typo = CliRun.of("helth");
        assertEquals(Cli.USAGE, typo.code(), typo.err());
        assertTrue(typo.err().contains("helth"), typo.err());
    }
}
