package dev.spinnet.llg.sweep;

/**
 * Outcome of one sweep run (SI units). A run that could not be integrated has status "failed", NaN
 * observables and the reason in {@code message} (not part of the CSV row).
 *
 * @param run           run index
 * @param point         axis values, in axis order
 * @param finalPosition wall position q at the end of the run, m
 * @param displacement  q_end - q_start, m
 * @param meanVelocity  (q(pulse end) - q(pulse start)) / (pulse end - pulse start), the end cut at t_end, m/s
 * @param peakVelocity  dq/dt of largest magnitude at the samples (signed), m/s
 * @param finalAngle    wall angle phi at the end (unwrapped), rad
 * @param inTrack       the wall is still in the track at the end
 * @param endTime       simulated end time (earlier than planned when the wall left the track), s
 * @param status        "ok" or "failed"
 * @param message       failure reason, or ""
 * @param computeSeconds wall-clock seconds the run took (not in the CSV row: it is not reproducible)
 * @param trace         sampled time trace, or null when not requested
 */
public record RunResult(int run, double[] point, double finalPosition, double displacement, double meanVelocity,
        double peakVelocity, double finalAngle, boolean inTrack, double endTime, String status, String message,
        double computeSeconds, Trace trace) {

    /** Result columns of the CSV, after "run" and the parameter columns. */
    public static final String[] COLUMNS = {"q_final_m", "displacement_m", "mean_velocity_m_per_s",
        "peak_velocity_m_per_s", "phi_final_rad", "in_track", "t_end_s", "status"};

    public RunResult {
        point = point.clone();
    }

    @Override
    public double[] point() {
        return point.clone();
    }

    /** A failed run: NaN observables. */
    public static RunResult failed(int run, double[] point, String message, double seconds) {
        return new RunResult(run, point, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false,
                Double.NaN, "failed", message, seconds, null);
    }

    /** The CSV fields after the parameter columns. */
    String resultFields() {
        return SweepCsv.num(finalPosition) + ',' + SweepCsv.num(displacement) + ',' + SweepCsv.num(meanVelocity) + ','
                + SweepCsv.num(peakVelocity) + ',' + SweepCsv.num(finalAngle) + ',' + (inTrack ? '1' : '0') + ','
                + SweepCsv.num(endTime) + ',' + status;
    }

    /**
     * Sampled time trace of one run.
     *
     * @param time     s
     * @param position wall position, m
     * @param velocity dq/dt, m/s
     * @param angle    wall angle (unwrapped), rad
     * @param current  current density, A/m^2
     */
    public record Trace(double[] time, double[] position, double[] velocity, double[] angle, double[] current) {

        public Trace {
            time = time.clone();
            position = position.clone();
            velocity = velocity.clone();
            angle = angle.clone();
            current = current.clone();
        }

        public int size() {
            return time.length;
        }

        /** CSV with a unit-carrying header. */
        public String toCsv() {
            StringBuilder sb = new StringBuilder(64 * (time.length + 1));
            sb.append("time_s,position_m,velocity_m_per_s,angle_rad,current_A_per_m2\n");
            for (int k = 0; k < time.length; k++) {
                sb.append(SweepCsv.num(time[k])).append(',').append(SweepCsv.num(position[k])).append(',')
                        .append(SweepCsv.num(velocity[k])).append(',').append(SweepCsv.num(angle[k])).append(',')
                        .append(SweepCsv.num(current[k])).append('\n');
            }
            return sb.toString();
        }
    }
}
