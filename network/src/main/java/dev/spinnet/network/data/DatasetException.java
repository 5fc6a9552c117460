package dev.spinnet.network.data;

import java.nio.file.Path;

/**
 * A problem with a dataset file that the user can fix (missing, truncated, wrong format...).
 *
 * <p>The message is always one line of the form {@code "<file>: <problem>"} so that the CLI can
 * print it as-is instead of a stack trace.
 */
public class DatasetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String subject;
    private final String problem;

    /** @param subject the file (or dataset) the problem is about, as the user would name it */
    public DatasetException(String subject, String problem) {
        this(subject, problem, null);
    }

    public DatasetException(String subject, String problem, Throwable cause) {
        super(oneLine(subject + ": " + problem), cause);
        this.subject = subject;
        this.problem = problem;
    }

    public DatasetException(Path file, String problem) {
        this(String.valueOf(file), problem, null);
    }

    public DatasetException(Path file, String problem, Throwable cause) {
        this(String.valueOf(file), problem, cause);
    }

    /** The file or dataset the message is about. */
    public String subject() {
        return subject;
    }

    /** The problem, without the subject prefix. */
    public String problem() {
        return problem;
    }

    /** Describes an exception from the JDK briefly, e.g. for "could not read X: (reason)". */
    static String reason(Throwable t) {
        String msg = t.getMessage();
        // The file-system exceptions carry only the path as message: say what happened instead.
        if (t instanceof java.nio.file.NoSuchFileException) {
            return "no such file " + msg;
        }
        if (t instanceof java.nio.file.AccessDeniedException) {
            return "permission denied: " + msg;
        }
        if (t instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
            return fse.getReason() + ": " + fse.getFile();
        }
        // Otherwise the JDK's message says it all; the exception's class name would only add noise.
        return msg == null || msg.isBlank() ? t.getClass().getSimpleName() : msg;
    }

    private static String oneLine(String s) {
        return s.replace("\r", " ").replace('\n', ' ');
    }
}
