package org.drillconsole.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.css.CssMetaData;
import javafx.css.PseudoClass;
import javafx.css.Styleable;
import org.junit.jupiter.api.Test;

/** Style classes change only when they change: a class taken off and put back restyles the node for nothing. */
class StyleClassesTest {

    @Test
    void choosingTheClassAlreadyThereChangesNothing() {
        Node node = new Node("badge", "status-danger");
        StyleClasses.choose(node, "status-", "status-danger");
        assertEquals(List.of("badge", "status-danger"), node.getStyleClass());
        assertEquals(0, node.changes.size());
    }

    @Test
    void choosingAnotherClassOfTheFamilyReplacesItAndKeepsTheOthers() {
        Node node = new Node("badge", "status-warning", "verdict");
        StyleClasses.choose(node, "status-", "status-danger");
        assertEquals(List.of("badge", "verdict", "status-danger"), node.getStyleClass());
    }

    @Test
    void choosingNoneTakesTheWholeFamilyOff() {
        Node node = new Node("status-success", "cell", "status-danger");
        StyleClasses.choose(node, "status-", null);
        assertEquals(List.of("cell"), node.getStyleClass());
        StyleClasses.choose(node, "status-", null);
        assertEquals(1, node.changes.size());
    }

    @Test
    void togglingToWhatItAlreadyIsChangesNothing() {
        Node node = new Node("cell", "other-workload");
        StyleClasses.toggle(node, "other-workload", true);
        Node plain = new Node("cell");
        StyleClasses.toggle(plain, "other-workload", false);
        assertEquals(0, node.changes.size() + plain.changes.size());
        StyleClasses.toggle(node, "other-workload", false);
        StyleClasses.toggle(plain, "other-workload", true);
        assertEquals(List.of("cell"), node.getStyleClass());
        assertEquals(List.of("cell", "other-workload"), plain.getStyleClass());
    }

    @Test
    void settingTheSameClassesAgainChangesNothing() {
        Node node = new Node("label", "field-problem");
        StyleClasses.setAll(node, "label", "field-problem");
        assertEquals(0, node.changes.size());
        StyleClasses.setAll(node, "label", "field-understood");
        assertEquals(List.of("label", "field-understood"), node.getStyleClass());
    }

    /** A styleable with only style classes, and every change made to them. */
    private static final class Node implements Styleable {
        private final ObservableList<String> classes;
        final List<String> changes = new ArrayList<>();

        Node(String... classes) {
            this.classes = FXCollections.observableArrayList(classes);
            this.classes.addListener((ListChangeListener<String>) change -> changes.add(change.toString()));
        }

        @Override
        public ObservableList<String> getStyleClass() {
            return classes;
        }

        @Override
        public String getTypeSelector() {
            return "Node";
        }

        @Override
        public String getId() {
            return null;
        }

        @Override
        public String getStyle() {
            return null;
        }

        @Override
        public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
            return List.of();
        }

        @Override
        public Styleable getStyleableParent() {
            return null;
        }

        @Override
        public ObservableSet<PseudoClass> getPseudoClassStates() {
            return FXCollections.emptyObservableSet();
        }
    }
}
