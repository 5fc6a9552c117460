package dev.spinnet.llg.cc;

/**
 * Sampled wall trajectory: time (s), position q (m), angle phi (rad) and film temperature (K; NaN when the
 * model has a fixed temperature) on the sampling grid, plus the exact states at the current waveform's
 * breakpoints (pulse edges) reached during the run. Immutable.
 */
public record WallTrajectory(double[] time, double[] position, double[] angle, double[] temperature,
        double[] edgeTime, double[] edgePosition, double[] edgeAngle, double[] edgeTemperature) {

    public WallTrajectory {
        if (time.length == 0 || time.length != position.length || time.length != angle.length) {
            throw new IllegalArgumentException("trajectory arrays need equal non-zero lengths, got " + time.length
                    + ", " + position.length + ", " + angle.length);
        }
        if (temperature.length != time.length) {
            throw new IllegalArgumentException("temperature needs " + time.length + " samples, got "
                    + temperature.length);
        }
        if (edgeTime.length != edgePosition.length || edgeTime.length != edgeAngle.length
                || edgeTime.length != edgeTemperature.length) {
            throw new IllegalArgumentException("edge arrays need equal lengths, got " + edgeTime.length + ", "
                    + edgePosition.length + ", " + edgeAngle.length);
        }
        time = time.clone();
        position = position.clone();
        angle = angle.clone();
        edgeTime = edgeTime.clone();
        edgePosition = edgePosition.clone();
        edgeAngle = edgeAngle.clone();
        temperature = temperature.clone();
        edgeTemperature = edgeTemperature.clone();
    }

    /** Fixed-temperature trajectory with edge states. */
    public WallTrajectory(double[] time, double[] position, double[] angle, double[] edgeTime,
            double[] edgePosition, double[] edgeAngle) {
        this(time, position, angle, nans(time.length), edgeTime, edgePosition, edgeAngle, nans(edgeTime.length));
    }

    private static double[] nans(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, Double.NaN);
        return a;
    }

    @Override
    public double[] temperature() {
        return temperature.clone();
    }

    @Override
    public double[] edgeTemperature() {
        return edgeTemperature.clone();
    }

    /** Trajectory without edge states. */
    public WallTrajectory(double[] time, double[] position, double[] angle) {
        this(time, position, angle, new double[0], new double[0], new double[0]);
    }

    @Override
    public double[] edgeTime() {
        return edgeTime.clone();
    }

    @Override
    public double[] edgePosition() {
        return edgePosition.clone();
    }

    @Override
    public double[] edgeAngle() {
        return edgeAngle.clone();
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

    /** The sampled trajectory as CSV with a unit-carrying header: time_s,position_m,angle_rad,temperature_K. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder("time_s,position_m,angle_rad,temperature_K\n");
        for (int k = 0; k < time.length; k++) {
            sb.append(time[k]).append(',').append(position[k]).append(',').append(angle[k]).append(',')
                    .append(temperature[k]).append('\n');
        }
        return sb.toString();
    }
}
