package org.drillconsole.app;

import org.drillconsole.model.BuildInfo;
import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        BuildInfo build = BuildInfo.current();
        return new String[] {"drill-console " + build.version() + " (built " + build.builtAt() + ")",
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.vendor", "?") + ")",
                "Java home " + System.getProperty("java.home")};
    }
}
