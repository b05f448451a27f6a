package org.drillconsole.ui;

import java.util.function.BooleanSupplier;
import javafx.scene.Scene;

/** Work for the end of a pulse's layout: what is then on the screen has been styled and laid out. */
public final class AfterLayout {

    private AfterLayout() {
    }

    /** Runs {@code then} once, on the FX thread, after the layout of the first pulse at which {@code ready} holds. */
    public static void once(Scene scene, BooleanSupplier ready, Runnable then) {
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (ready.getAsBoolean()) {
                scene.removePostLayoutPulseListener(listener[0]);
                then.run();
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }
}
