package dev.spinnet.llg.cc;

import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.BracketedUnivariateSolver;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.events.AbstractODEDetector;
import org.hipparchus.ode.events.Action;
import org.hipparchus.ode.events.AdaptableInterval;
import org.hipparchus.ode.events.ODEEventHandler;

/**
 * Event: the wall crosses position x (m), e.g. reaches a notch, a read-out region or a track end.
 * By default the integration stops there; pass another handler to continue.
 */
public final class WallPositionDetector extends AbstractODEDetector<WallPositionDetector> {
    private final double x;

    /**
     * @param x        position, m
     * @param maxCheck largest time between sign checks, s (smaller than the time the wall needs to
     *                 cross and re-cross x)
     */
    public WallPositionDetector(double x, double maxCheck) {
        this(x, AdaptableInterval.of(maxCheck), DEFAULT_MAX_ITER,
                new BracketingNthOrderBrentSolver(0, 1e-18, 0, 5), (s, d, inc) -> Action.STOP);
    }

    private WallPositionDetector(double x, AdaptableInterval maxCheck, int maxIter,
            BracketedUnivariateSolver<UnivariateFunction> solver, ODEEventHandler handler) {
        super(maxCheck, maxIter, solver, handler);
        this.x = x;
    }

    @Override
    protected WallPositionDetector create(AdaptableInterval newMaxCheck, int newMaxIter,
            BracketedUnivariateSolver<UnivariateFunction> newSolver, ODEEventHandler newHandler) {
        return new WallPositionDetector(x, newMaxCheck, newMaxIter, newSolver, newHandler);
    }

    @Override
    public double g(ODEStateAndDerivative state) {
        return state.getPrimaryState()[0] - x;
    }
}
