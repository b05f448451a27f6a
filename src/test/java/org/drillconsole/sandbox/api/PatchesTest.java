package org.drillconsole.sandbox.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class PatchesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    private static final String DEPLOYMENT = """
            {'spec':{'replicas':1,'template':{'spec':{'containers':[
              {'name':'app','image':'app:1','env':[{'name':'A','value':'1'},{'name':'B','value':'2'}]},
              {'name':'sidecar','image':'side:1'}]}}},
             'metadata':{'finalizers':['x'],'labels':{'a':'1'}}}""";

    @Test
    void strategicMergeMergesContainersByNameAndKeepsTheOthers() throws Exception {
        JsonNode patched = Patches.apply(Patches.Type.STRATEGIC, json(DEPLOYMENT),
                json("{'spec':{'template':{'spec':{'containers':[{'name':'app','image':'app:2'}]}}}}"));
        JsonNode containers = patched.at("/spec/template/spec/containers");
        assertEquals(2, containers.size());
        assertEquals("app:2", containers.get(0).path("image").asText());
        assertEquals(2, containers.get(0).path("env").size());
        assertEquals("side:1", containers.get(1).path("image").asText());
    }

    @Test
    void strategicMergeHonoursDeleteReplaceAndPrimitiveListDirectives() throws Exception {
        JsonNode patched = Patches.apply(Patches.Type.STRATEGIC, json(DEPLOYMENT), json("""
                {'spec':{'template':{'spec':{'containers':[{'name':'sidecar','$patch':'delete'},
                  {'name':'app','env':[{'name':'A','$patch':'delete'}]}],
                  '$setElementOrder/containers':[{'name':'app'}]}}},
                 'metadata':{'labels':{'$patch':'replace','b':'2'},'$deleteFromPrimitiveList/finalizers':['x']}}"""));
        assertEquals(1, patched.at("/spec/template/spec/containers").size());
        assertEquals("B", patched.at("/spec/template/spec/containers/0/env/0/name").asText());
        assertEquals(json("{'b':'2'}"), patched.at("/metadata/labels"));
        assertEquals(0, patched.at("/metadata/finalizers").size());
        assertEquals(false, patched.at("/spec/template/spec").has("$setElementOrder/containers"));
    }

    @Test
    void strategicMergeRemovesAFieldSetToNull() throws Exception {
        JsonNode patched = Patches.apply(Patches.Type.STRATEGIC, json(DEPLOYMENT), json("{'metadata':{'labels':null}}"));
        assertEquals(false, patched.path("metadata").has("labels"));
    }

    @Test
    void mergePatchReplacesListsWhole() throws Exception {
        JsonNode patched = Patches.apply(Patches.Type.MERGE, json(DEPLOYMENT),
                json("{'spec':{'template':{'spec':{'containers':[{'name':'only','image':'o:1'}]}}}}"));
        assertEquals(1, patched.at("/spec/template/spec/containers").size());
    }

    @Test
    void jsonPatchAppliesOperationsAndRefusesATestThatFails() throws Exception {
        JsonNode patched = Patches.apply(Patches.Type.JSON, json(DEPLOYMENT),
                json("[{'op':'replace','path':'/spec/replicas','value':3},{'op':'remove','path':'/metadata/labels/a'}]"));
        assertEquals(3, patched.at("/spec/replicas").asInt());
        assertEquals(0, patched.at("/metadata/labels").size());
        ApiException refused = assertThrows(ApiException.class, () -> Patches.apply(Patches.Type.JSON,
                json(DEPLOYMENT), json("[{'op':'test','path':'/spec/replicas','value':9}]")));
        assertEquals(422, refused.code());
    }

    @Test
    void theContentTypeNamesThePatchTypeAndAnythingElseIsRefused() {
        assertEquals(Patches.Type.STRATEGIC, Patches.type("application/strategic-merge-patch+json").orElseThrow());
        assertEquals(Patches.Type.MERGE, Patches.type("application/merge-patch+json; charset=utf-8").orElseThrow());
        assertEquals(Patches.Type.JSON, Patches.type("application/json-patch+json").orElseThrow());
        assertEquals(true, Patches.type("application/apply-patch+yaml").isEmpty());
    }
}
