package dev.spinnet.llg.cc;

/**
 * Sampled wall trajectory: time (s), position q (m), angle phi (rad). Immutable.
 */
public record WallTrajectory(double[] time, double[] position, double[] angle) {

    public WallTrajectory {
        if (time.length == 0 || time.length != position.length || time.length != angle.length) {
            throw new IllegalArgumentException("trajectory arrays need equal non-zero lengths, got " + time.length
                    + ", " + position.length + ", " + angle.length);
        }
        time = time.clone();
        position = position.clone();
        angle = angle.clone();
    }

    public int size() {
        return time.length;
    }

    @Override
    public double[] time() {
        return time.clone();
    }

    @Override
    public double[] position() {
        return position.clone();
    }

    @Override
    public double[] angle() {
        return angle.clone();
    }

    public double finalTime() {
        return time[time.length - 1];
    }

    /** Final wall position, m. */
    public double finalPosition() {
        return position[position.length - 1];
    }

    /** Final wall angle, rad (unwrapped: counts full precessions). */
    public double finalAngle() {
        return angle[angle.length - 1];
    }

    /** Mean velocity over the whole run, m/s. */
    public double meanVelocity() {
        return (finalPosition() - position[0]) / (finalTime() - time[0]);
    }

    /** Mean velocity between two times inside the run (linear interpolation between samples), m/s. */
    public double meanVelocity(double from, double to) {
        return (positionAt(to) - positionAt(from)) / (to - from);
    }

    /** Position at time t by linear interpolation of the samples, m. */
    public double positionAt(double t) {
        if (t <= time[0]) {
            return position[0];
        }
        int n = time.length;
        if (t >= time[n - 1]) {
            return position[n - 1];
        }
        int k = java.util.Arrays.binarySearch(time, t);
        if (k >= 0) {
            return position[k];
        }
        k = -k - 2;
        double w = (t - time[k]) / (time[k + 1] - time[k]);
        return position[k] + w * (position[k + 1] - position[k]);
    }
}
