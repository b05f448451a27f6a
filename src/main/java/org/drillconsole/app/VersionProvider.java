package org.drillconsole.app;

import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {

    static String version() {
        String version = Launcher.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"drill-console " + version(), "Java " + System.getProperty("java.version")};
    }
}
