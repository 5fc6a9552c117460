package dev.spinnet.llg.cc;

/**
 * Position-dependent wall energy U(q) per unit wall area (J/m^2): pinning notches, confinement,
 * track ends. The pressure on the wall is -dU/dq (J/m^3).
 *
 * <p>Normalisation: equation (A) of the collective model is half the pressure balance (its Zeeman
 * term mu0 M_net H is half of the 2 mu0 M_net H pressure that a field exerts on an up/down wall), so
 * the model adds {@code -dU/dq / 2} to its right-hand side. With this choice U is the physical wall
 * energy: a ramp U = -2 mu0 M_net H q acts exactly like the field H (tested).
 */
public interface WallPotential {

    /** Wall energy per area at position q (m), J/m^2. */
    double energy(double q);

    /** Pressure -dU/dq at position q (m), J/m^3; positive pushes the wall towards +x. */
    double force(double q);

    /** No potential. */
    WallPotential NONE = new WallPotential() {
        @Override
        public double energy(double q) {
            return 0.0;
        }

        @Override
        public double force(double q) {
            return 0.0;
        }
    };

    /** Sum of this potential and another. */
    default WallPotential plus(WallPotential other) {
        WallPotential self = this;
        return new WallPotential() {
            @Override
            public double energy(double q) {
                return self.energy(q) + other.energy(q);
            }

            @Override
            public double force(double q) {
                return self.force(q) + other.force(q);
            }
        };
    }
}
