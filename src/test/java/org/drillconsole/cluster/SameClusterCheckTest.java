package org.drillconsole.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.drillconsole.model.Side;
import org.junit.jupiter.api.Test;

class SameClusterCheckTest {

    static ClusterTarget target(Side side, String server, String ca) {
        return new ClusterTarget(side, Path.of("k"), "ctx", server, ca, null);
    }

    @Test
    void warnsWhenBothSidesUseTheSameServerWrittenDifferently() {
        assertTrue(SameClusterCheck.warning(target(Side.PRIMARY, "https://API.example.com", "a"),
                target(Side.STANDBY, "https://api.example.com:443/", "b")).isPresent());
    }

    @Test
    void warnsWhenBothSidesShareACertificateAuthority() {
        assertTrue(SameClusterCheck.warning(target(Side.PRIMARY, "https://a:6443", "cafe"),
                target(Side.STANDBY, "https://b:6443", "cafe")).orElseThrow().contains("share one CA"));
    }

    @Test
    void staysQuietForTwoDifferentClusters() {
        assertTrue(SameClusterCheck.warning(target(Side.PRIMARY, "https://a:6443", "1"),
                target(Side.STANDBY, "https://b:6443", "2")).isEmpty());
    }
}
