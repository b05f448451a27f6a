package org.drillconsole.store;

/**
 * How the window was left: position, size, the split panes' divider positions, and the theme. Restored at the
 * next start.
 *
 * @param sidesDivider between the primary and standby panes
 * @param healthDivider between the panes and the comparison below them
 * @param historyDivider between the history table and the run detail
 * @param theme "light" or "dark" as chosen in the menu; null follows the system
 */
public record WindowState(double x, double y, double width, double height, boolean maximized, double sidesDivider,
                          double healthDivider, double historyDivider, String theme) {

    public static final WindowState DEFAULT = new WindowState(Double.NaN, Double.NaN, 1400, 900, false, 0.5, 0.72,
            0.38, null);

    public boolean positioned() {
        return !Double.isNaN(x) && !Double.isNaN(y);
    }

    /** Whether the window is dark: as chosen in the menu, else as the desktop prefers. */
    public boolean dark(boolean systemDark) {
        return theme == null ? systemDark : theme.equals("dark");
    }

    public WindowState withTheme(String chosen) {
        return new WindowState(x, y, width, height, maximized, sidesDivider, healthDivider, historyDivider, chosen);
    }
}
