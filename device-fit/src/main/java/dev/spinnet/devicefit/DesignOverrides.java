package dev.spinnet.devicefit;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Design variants for {@code spinnet fit --set NAME=VALUE --variant TAG}: a hardware designer changes one
 * parameter of a device (a barrier depth, a notch count) and regenerates its model from the physics, without
 * editing code. The designs are immutable records; a variant is the same record with the named numeric
 * components replaced and its name (the file stem) extended by the tag, built through the canonical
 * constructor so that the design's own checks refuse unphysical values.
 */
public final class DesignOverrides {
    /** Tags become part of file names and results keys: lower-case letters, digits, dots. */
    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9.]{0,31}");

    private DesignOverrides() {
    }

    /** Refuses a tag that would not make a clean file stem. */
    public static String requireTag(String tag) {
        if (tag == null || !TAG.matcher(tag).matches()) {
            throw new IllegalArgumentException("--variant must be 1-32 lower-case letters, digits or dots, "
                    + "starting with a letter or digit, got '" + tag + "'");
        }
        return tag;
    }

    /**
     * The design with every entry of {@code values} (component name to number) replaced and the name
     * component set to {@code name + "-" + tag}.
     *
     * @throws IllegalArgumentException naming the parameter, for an unknown or non-numeric component, a value
     *                                  that does not parse or is not finite, or a value the design refuses
     */
    public static <R extends Record> R apply(R design, Map<String, String> values, String tag) {
        requireTag(tag);
        Class<?> type = design.getClass();
        RecordComponent[] comps = type.getRecordComponents();
        Object[] args = new Object[comps.length];
        Class<?>[] types = new Class<?>[comps.length];
        String device = design.toString();
        for (int i = 0; i < comps.length; i++) {
            types[i] = comps[i].getType();
            args[i] = read(comps[i], design);
            if (comps[i].getName().equals("name")) {
                device = (String) args[i];
            }
        }
        for (Map.Entry<String, String> e : values.entrySet()) {
            int i = indexOf(comps, e.getKey());
            if (i < 0) {
                throw new IllegalArgumentException("--set: " + device + " has no parameter '" + e.getKey()
                        + "' (its numeric parameters: " + String.join(", ", numericNames(comps)) + ")");
            }
            args[i] = parse(device, comps[i], e.getValue());
        }
        for (int i = 0; i < comps.length; i++) {
            if (comps[i].getName().equals("name")) {
                args[i] = device + "-" + tag;
            }
        }
        try {
            Constructor<?> c = type.getDeclaredConstructor(types);
            @SuppressWarnings("unchecked")
            R out = (R) c.newInstance(args);
            return out;
        } catch (InvocationTargetException ex) {
            if (ex.getCause() instanceof IllegalArgumentException iae) {
                throw new IllegalArgumentException("--set: " + device + ": " + iae.getMessage(), iae);
            }
            throw new IllegalStateException("cannot build a variant of " + device, ex.getCause());
        } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException("cannot build a variant of " + device, ex);
        }
    }

    private static Object read(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException("cannot read " + c.getName(), ex);
        }
    }

    private static int indexOf(RecordComponent[] comps, String name) {
        for (int i = 0; i < comps.length; i++) {
            if (comps[i].getName().equals(name) && isNumeric(comps[i])) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isNumeric(RecordComponent c) {
        return c.getType() == double.class || c.getType() == int.class;
    }

    private static List<String> numericNames(RecordComponent[] comps) {
        List<String> out = new ArrayList<>();
        for (RecordComponent c : comps) {
            if (isNumeric(c)) {
                out.add(c.getName());
            }
        }
        return out;
    }

    private static Object parse(String device, RecordComponent c, String text) {
        String what = "--set: " + device + ": " + c.getName() + " = '" + text + "' ";
        try {
            if (c.getType() == int.class) {
                return Integer.parseInt(text.trim());
            }
            double v = Double.parseDouble(text.trim());
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(what + "is not a finite number");
            }
            return v;
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException(what + "is not " + (c.getType() == int.class ? "an integer" : "a number"));
        }
    }
}
