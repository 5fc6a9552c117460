package dev.spinnet.validation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Picocli runs every help line through {@link String#format}; a bare "%" (as in "95 % CI") makes it print a
 * warning and show the raw text, so the description of every command, option and parameter, as written in
 * its annotation, must be a valid format string.
 */
class HelpTextTest {

    @Test
    void everyHelpLineIsAValidFormatString() {
        List<String> bad = new ArrayList<>();
        check(new CommandLine(new SpinnetCli()), bad);
        assertTrue(bad.isEmpty(), "help lines that picocli cannot format: " + bad);
    }

    @Test
    void aBarePercentIsCaught() {
        List<String> bad = new ArrayList<>();
        check(new CommandLine(new BarePercent()), bad);
        assertEquals(2, bad.size(), "both bare percents are found: " + bad);
    }

    @Command(name = "bare", description = "a 95 % interval")
    static final class BarePercent {
        @Option(names = "--x", description = "the 95 % interval")
        int x;
    }

    private static void check(CommandLine cl, List<String> bad) {
        CommandSpec spec = cl.getCommandSpec();
        checkClass(spec.qualifiedName(), spec.userObject().getClass(), bad);
        for (CommandSpec mixin : spec.mixins().values()) {
            checkClass(spec.qualifiedName() + " mixin", mixin.userObject().getClass(), bad);
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            check(sub, bad);
        }
    }

    private static void checkClass(String where, Class<?> type, List<String> bad) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Command command = c.getAnnotation(Command.class);
            if (command != null) {
                tryFormat(where, command.description(), bad);
            }
            for (Field f : c.getDeclaredFields()) {
                Option option = f.getAnnotation(Option.class);
                if (option != null) {
                    tryFormat(where + " " + f.getName(), option.description(), bad);
                }
                Parameters parameters = f.getAnnotation(Parameters.class);
                if (parameters != null) {
                    tryFormat(where + " " + f.getName(), parameters.description(), bad);
                }
            }
        }
    }

    private static void tryFormat(String where, String[] lines, List<String> bad) {
        for (String line : lines) {
            try {
                String.format(line);
            } catch (IllegalFormatException e) {
                bad.add(where + ": \"" + line + "\"");
            }
        }
    }
}
