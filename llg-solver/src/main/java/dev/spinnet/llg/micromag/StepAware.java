package dev.spinnet.llg.micromag;

/** A term that must know the step about to be taken (the thermal field redraws its noise). */
public interface StepAware {
    void beginStep(double t, double dt);
}
