package org.drillconsole.model.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelSelectorsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "app=gitpod | app=gitpod",
            "app==gitpod | app=gitpod",
            "app != gitpod | app!=gitpod",
            "component in (server, proxy) | component in (proxy,server)",
            "component notin(ws-daemon) | component notin (ws-daemon)",
            "gitpod.io/workload_meta | gitpod.io/workload_meta",
            "!gitpod.io/workload_ide | !gitpod.io/workload_ide",
            "app=gitpod,component!=ws-daemon,release | app=gitpod,component!=ws-daemon,release",
            "app= | app=",
    })
    void readsKubernetesSelectorGrammar(String written, String canonical) throws Exception {
        assertEquals(canonical, LabelSelectors.parse(written).toString());
    }

    @ParameterizedTest(name = "selector {index}: {0}")
    @CsvSource(delimiter = '|', value = {
            "'' | 1 | is empty",
            "app=gitpod, | 12 | expected a label key at the end",
            "component in (server | 21 | not closed",
            "component in () | 15 | needs at least one value",
            "component in server | 14 | takes a list of values in parentheses",
            "-app=x | 1 | the key \"-app\"",
            "app=gitpod!x | 11 | expected a comma",
            "app gitpod | 5 | expected =, ==, !=, in, notin",
            "app=bad value | 9 | expected a comma",
            "app=_x | 5 | is not a label value",
            "a/b/c=d | 1 | is not a label key",
    })
    void reportsTheColumnOfAnError(String written, int column, String words) {
        LabelSelectors.SelectorException e = assertThrows(LabelSelectors.SelectorException.class,
                () -> LabelSelectors.parse(written));
        assertEquals(column, e.column(), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }
}
