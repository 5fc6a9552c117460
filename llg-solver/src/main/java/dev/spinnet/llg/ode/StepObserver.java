package dev.spinnet.llg.ode;

/** Observes accepted steps; must not modify y. */
@FunctionalInterface
public interface StepObserver {
    /** Called after each accepted (and projected) step with the new time t (s) and state y. */
    void accepted(double t, double[] y);

    StepObserver NONE = (t, y) -> { };
}
