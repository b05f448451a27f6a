package org.drillconsole.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command tree is built for the arguments given, and still looks whole to the user. */
class CliTest {

    private static final List<String> ALL = List.of("health", "sandbox", "drills", "run", "team-db", "report",
            "history");

    /**
     * picocli's published jar is Java 5 bytecode, which no class-data archive or AOT cache holds; the build
     * compiles its source instead (pom.xml, picocli-source), so its classes start from the archive.
     */
    @Test
    void picocliIsJava17BytecodeThatAClassDataArchiveCanHold() throws java.io.IOException {
        try (var in = CommandLine.class.getResourceAsStream("CommandLine$Model$CommandSpec.class")) {
            byte[] header = in.readNBytes(8);
            int major = ((header[6] & 0xff) << 8) | (header[7] & 0xff);
            assertEquals(61, major, "class file major version of picocli's CommandSpec");
        }
        assertTrue(CommandLine.VERSION.startsWith("4."), CommandLine.VERSION);
    }

    /**
     * Every option and parameter a person can see says what it is, and every line of a description is a whole
     * paragraph: picocli prints each line of a description on a line of its own, so a sentence split across two
     * was printed broken in the middle ("... by typing the" / "target context name").
     */
    @Test
    void everyOptionIsDescribedInWholeParagraphs() {
        java.util.ArrayDeque<CommandLine> commands = new java.util.ArrayDeque<>(List.of(Cli.commandLine()));
        int checked = 0;
        List<String> wrong = new java.util.ArrayList<>();
        while (!commands.isEmpty()) {
            CommandLine command = commands.pop();
            commands.addAll(command.getSubcommands().values());
            String name = command.getCommandSpec().qualifiedName();
            List<String[]> descriptions = new java.util.ArrayList<>();
            descriptions.add(command.getCommandSpec().usageMessage().description());
            for (CommandLine.Model.ArgSpec arg : command.getCommandSpec().args()) {
                if (arg.hidden()) {
                    continue;
                }
                String label = arg instanceof CommandLine.Model.OptionSpec o ? o.longestName() : arg.paramLabel();
                if (arg.description().length == 0 || arg.description()[0].isBlank()) {
                    wrong.add(name + " " + label + " has no description");
                }
                descriptions.add(arg.description());
            }
            for (String[] description : descriptions) {
                for (String line : description) {
                    checked++;
                    if (!line.isEmpty() && !line.matches("(?s).*[.:)]$")) {
                        wrong.add(name + ": a description line ends in the middle of a sentence: \"" + line + "\"");
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(checked > 40, "descriptions checked: " + checked);
    }

    /**
     * picocli is told not to register converters for java.sql and java.time types (Cli.CONVERTERS_NOT_NEEDED):
     * no option or parameter of any command may take one of them.
     */
    @Test
    void noOptionTakesATypeWhoseConverterIsLeftOut() {
        List<java.util.regex.Pattern> excluded = java.util.Arrays.stream(Cli.CONVERTERS_NOT_NEEDED.split(","))
                .map(java.util.regex.Pattern::compile).toList();
        java.util.Set<String> types = new java.util.TreeSet<>();
        java.util.ArrayDeque<CommandLine> commands = new java.util.ArrayDeque<>(List.of(Cli.commandLine()));
        while (!commands.isEmpty()) {
            CommandLine command = commands.pop();
            commands.addAll(command.getSubcommands().values());
            command.getCommandSpec().args().forEach(arg -> {
                types.add(arg.type().getName());
                for (Class<?> auxiliary : arg.auxiliaryTypes()) {
                    types.add(auxiliary.getName());
                }
            });
        }
        assertTrue(types.contains("java.time.LocalDate") && types.contains("java.nio.file.Path"), types.toString());
        for (String type : types) {
            assertTrue(excluded.stream().noneMatch(pattern -> pattern.matcher(type).matches()),
                    type + " is taken by an option but its converter is left out");
        }
        assertTrue(excluded.stream().anyMatch(pattern -> pattern.matcher("java.time.MonthDay").matches()));
    }

    /** Launcher names SLF4J's provider rather than letting it search the class path: the one it would find. */
    @Test
    void theLoggingProviderNamedAtStartIsTheOneOnTheClassPath() {
        List<String> found = java.util.ServiceLoader.load(org.slf4j.spi.SLF4JServiceProvider.class).stream()
                .map(provider -> provider.type().getName()).toList();
        assertEquals(List.of(Launcher.LOGGING_PROVIDER), found);
    }

    @Test
    void buildsOnlyTheSubcommandThatIsAskedFor() {
        assertEquals(List.of("health"), List.copyOf(Cli.commandLine("health", "--json").getSubcommands().keySet()));
        assertEquals(List.of("report"), List.copyOf(Cli.commandLine("--settings", "s.json", "report", "verify", "1")
                .getSubcommands().keySet()));
    }

    @Test
    void eachSubcommandIsRegisteredUnderTheNameItsAnnotationGives() {
        CommandLine all = Cli.commandLine();
        assertEquals(ALL, Cli.subcommandNames());
        all.getSubcommands().forEach((name, command) -> assertEquals(name, command.getCommandSpec().userObject()
                .getClass().getAnnotation(CommandLine.Command.class).name()));
    }

    /**
     * The package's terminal command (packaging/linux/drill-console.sh) chooses the AOT cache by the
     * subcommand: {@code health} has its own, every other subcommand stops the search. A subcommand missing
     * from its list would make an argument that merely equals "health" (a file name) pick the wrong cache.
     */
    @Test
    void thePackagesTerminalCommandKnowsEverySubcommand() throws java.io.IOException {
        String script = java.nio.file.Files.readString(Path.of("packaging/linux/drill-console.sh"));
        java.util.Set<String> named = new java.util.TreeSet<>();
        java.util.regex.Matcher cases = java.util.regex.Pattern.compile("(?m)^\\s*([a-z|-]+)\\)").matcher(script);
        while (cases.find()) {
            named.addAll(List.of(cases.group(1).split("\\|")));
        }
        assertEquals(new java.util.TreeSet<>(ALL), named, "the subcommands the script's case lists name");
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
        for (Field field : RootCommand.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            field.setAccessible(true);
            Object expected = field.get(parsed);
            Object actual = field.get(bare);
            if (field.isAnnotationPresent(CommandLine.Mixin.class)) {
                assertEquals(expected.getClass(), actual.getClass(), field.getName());
                for (Field option : expected.getClass().getDeclaredFields()) {
                    if (!Modifier.isStatic(option.getModifiers())) {
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
    void theBareCommandWithoutADisplaySaysSoInOneLine(@TempDir Path home) throws Exception {
        ProcessBuilder bare = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName()).redirectErrorStream(true);
        bare.environment().remove("DISPLAY");
        bare.environment().remove("WAYLAND_DISPLAY");
        bare.environment().remove("JAVA_TOOL_OPTIONS");
        bare.environment().put("HOME", home.toString());
        Process process = bare.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), out);
        assertEquals(2, process.exitValue(), out);
        assertTrue(out.strip().startsWith("error: cannot open the window: ") && out.contains("DISPLAY"), out);
        assertFalse(out.contains("Exception") || out.contains("\tat "), "no stack trace: " + out);
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
        assertTrue(typo.err().contains("Did you mean: drill-console health?"), typo.err());
        CliRun option = CliRun.of("health", "--primari", "p", "--standby", "s");
        assertEquals(Cli.USAGE, option.code(), option.err());
        assertTrue(option.err().contains("--primary"), "the option it resembles is named: " + option.err());
    }

    /**
     * Every option that takes a number or a day, given what people type by mistake (generated: signs, fractions,
     * exponents, spaces, other digits, overflowing numbers, impossible days, junk), is refused in words naming the
     * option, with the usage and exit code 64: never picocli's "is not an int" or a Java class name.
     */
    @Test
    void everyNumberOrDayOptionRefusesWhatIsNotOneInWords() {
        java.util.List<String> wrong = new java.util.ArrayList<>(List.of("abc", "-1", "1e9", "0.5", " 3", "3 ", "",
                "99999999999999999999", "+5", "0x10", "\uff11\uff12", "2026-13-45", "2026-02-30", "26-1-1",
                "yesterday", "12/03/2026", "2026-12-03T10:00"));
        java.util.Random random = new java.util.Random(20261203L);
        String alphabet = "0123456789-+.,:/ eExX\u0663\u00e4";
        for (int i = 0; i < 20; i++) {
            StringBuilder junk = new StringBuilder("q");
            for (int n = random.nextInt(12); n > 0; n--) {
                junk.insert(random.nextInt(junk.length() + 1), alphabet.charAt(random.nextInt(alphabet.length())));
            }
            wrong.add(junk.toString());
        }
        java.util.regex.Pattern javaWords = java.util.regex.Pattern.compile(
                "java\\.|Exception|\\bint\\b|\\blong\\b|\\bclass\\b|Integer|Long|LocalDate");
        int checked = 0;
        java.util.ArrayDeque<CommandLine> commands = new java.util.ArrayDeque<>(
                Cli.commandLine().getSubcommands().values());
        while (!commands.isEmpty()) {
            CommandLine command = commands.pop();
            commands.addAll(command.getSubcommands().values());
            List<String> path = List.of(command.getCommandSpec().qualifiedName(" ").split(" "));
            for (CommandLine.Model.OptionSpec option : command.getCommandSpec().options()) {
                Class<?> type = option.type();
                if (!List.of(int.class, Integer.class, long.class, Long.class, java.time.LocalDate.class)
                        .contains(type)) {
                    continue;
                }
                for (String value : wrong) {
                    java.util.List<String> args = new java.util.ArrayList<>(path.subList(1, path.size()));
                    args.addAll(List.of(option.longestName(), value));
                    CliRun run = CliRun.of(args.toArray(String[]::new));
                    String what = String.join(" ", args) + ": ";
                    assertEquals(Cli.USAGE, run.code(), what + run.err());
                    assertTrue(run.err().startsWith("error: Invalid value for option '" + option.longestName() + "'"),
                            what + run.err());
                    assertFalse(javaWords.matcher(run.err()).find(), what + run.err());
                    checked++;
                }
            }
        }
        assertTrue(checked >= 5 * wrong.size(), "every such option was tried: " + checked);
    }

    @Test
    void aNumberOrADayThatIsOneIsTakenAsItIs() {
        assertEquals(15, Cli.wholeNumber("15"));
        assertEquals(0, Cli.wholeNumber("0"));
        assertEquals(Long.MAX_VALUE, Cli.largeWholeNumber(Long.toString(Long.MAX_VALUE)));
        assertEquals(java.time.LocalDate.of(2024, 2, 29), Cli.day("2024-02-29"));
    }

    @Test
    void aHistoryWhoseFirstDayComesAfterItsLastIsRefusedRatherThanEmpty() {
        CliRun run = CliRun.of("history", "--since", "2026-02-01", "--until", "2026-01-01");
        assertEquals(Cli.USAGE, run.code(), run.err());
        assertEquals("error: --since 2026-02-01 is after --until 2026-01-01: no day is in both", run.err().strip());
    }

    @Test
    void aJournalUrlThatIsNotH2OrCarriesAPasswordIsRefusedBeforeAnythingIsOpened() {
        CliRun mysql = CliRun.of("history", "--db", "jdbc:mysql://db/drills");
        assertEquals(Cli.USAGE, mysql.code(), mysql.err());
        assertTrue(mysql.err().startsWith("error: Invalid value for option '--db': 'jdbc:mysql://db/drills' is not a "
                + "journal database: the journal is H2, as in jdbc:h2:/srv/drills/journal"), mysql.err());
        CliRun password = CliRun.of("history", "--db", "jdbc:h2:/tmp/journal;PASSWORD=hunter2");
        assertEquals(Cli.USAGE, password.code(), password.err());
        assertTrue(password.err().contains("carries a password") && !password.err().contains("hunter2"),
                password.err());
        CliRun folder = CliRun.of("history", "--db", "jdbc:h2:/nonexistent/passwords/journal");
        assertFalse(folder.err().contains("carries a password"), "a folder may be called so: " + folder.err());
    }
}
