package org.drillconsole.app;

/**
 * A subcommand that answers and exits within a second or two ({@code health}, {@code report} …), unlike the
 * window, a drill or the practice clusters, which may run for hours. The package's terminal command
 * ({@code packaging/linux/drill-console.sh}) starts these with the quick compiler only; {@code CliTest} keeps
 * its list equal to {@link Cli#oneShotCommands()}.
 */
interface OneShot {
}
