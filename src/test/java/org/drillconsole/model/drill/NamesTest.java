package org.drillconsole.model.drill;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://gitpod.example.com/api/version", "http://10.0.0.1:8080/", "https://[2001:db8::1]/x",
            "https://gitpod.example.com:443", "HTTPS://Gitpod.Example.com/"})
    void acceptsHttpUrlsWithAHostAndAValidPort(String url) {
        assertNull(Names.url(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "gitpod.example.com", "ftp://gitpod.example.com/", "https://gitpod example.com/",
            "https://gitpod.example.com:0/", "https://gitpod.example.com:65536/", "https://gitpod.example.com:x/",
            "https://user:pw@gitpod.example.com/", "https:///path", "https://-bad-.example.com/", "https://[::zz]/"})
    void refusesUrlsThatCannotBeFetched(String url) {
        assertNotNull(Names.url(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gitpod.example.com", "localhost", "a-b.c", "gitpod.example.com."})
    void acceptsHostNames(String host) {
        assertNull(Names.host(host));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "gitpod..example.com", "-gitpod.com", "gitpod_example.com", "a b", "*.example.com"})
    void refusesWhatIsNotAHostName(String host) {
        assertNotNull(Names.host(host));
    }

    @ParameterizedTest
    @ValueSource(strings = {"203.0.113.10", "0.0.0.0", "255.255.255.255", "2001:db8::10", "::1"})
    void acceptsIpAddresses(String address) {
        assertNull(Names.address(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {"300.1.1.1", "1.2.3", "01.2.3.4", "gitpod.example.com", "2001:db8::zz", "1.2.3.4.5", ""})
    void refusesWhatIsNotAnIpAddress(String address) {
        assertNotNull(Names.address(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ws-manager", "server", "a", "registry-facade", "node-1.example"})
    void acceptsKubernetesObjectNames(String name) {
        assertNull(Names.objectName(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "WS-manager", "-server", "server-", "ws manager", "ws_manager"})
    void refusesWhatIsNotAKubernetesName(String name) {
        assertNotNull(Names.objectName(name));
    }
}
