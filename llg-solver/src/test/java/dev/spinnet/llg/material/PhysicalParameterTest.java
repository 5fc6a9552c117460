package dev.spinnet.llg.material;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.spinnet.llg.micromag.Medium;
import dev.spinnet.llg.micromag.Mesh1D;
import dev.spinnet.llg.sweep.SweepSettings;

/**
 * Every floating-point field of every physical-parameter record, set to NaN, +Infinity or -Infinity in an
 * otherwise valid record, must be refused by the constructor with a one-line IllegalArgumentException that
 * shows the bad value; the same for non-positive cell counts. The count is printed for RELIABILITY.md.
 */
class PhysicalParameterTest {
    private static final double[] BAD = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};

    private static int tried;

    /** Rebuilds {@code valid} with component i replaced by {@code value}; returns the constructor's exception. */
    private static IllegalArgumentException rebuild(Record valid, int i, Object value) throws Exception {
        RecordComponent[] rc = valid.getClass().getRecordComponents();
        Object[] args = new Object[rc.length];
        Class<?>[] types = new Class<?>[rc.length];
        for (int k = 0; k < rc.length; k++) {
            args[k] = rc[k].getAccessor().invoke(valid);
            types[k] = rc[k].getType();
        }
        args[i] = value;
        Constructor<?> c = valid.getClass().getDeclaredConstructor(types);
        tried++;
        try {
            c.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException iae) {
                return iae;
            }
            throw e;
        }
        fail(valid.getClass().getSimpleName() + "." + rc[i].getName() + " = " + value + " was accepted");
        return null;
    }

    private static void checkAll(Record valid) throws Exception {
        RecordComponent[] rc = valid.getClass().getRecordComponents();
        for (int i = 0; i < rc.length; i++) {
            List<Object> bad = new ArrayList<>();
            if (rc[i].getType() == double.class) {
                Arrays.stream(BAD).forEach(bad::add);
            } else if (rc[i].getType() == int.class && rc[i].getName().equals("cells")) {
                bad.addAll(List.of(0, -1));
            }
            for (Object v : bad) {
                String m = rebuild(valid, i, v).getMessage();
                String what = valid.getClass().getSimpleName() + "." + rc[i].getName() + " = " + v + ": " + m;
                assertTrue(m != null && !m.contains("\n") && m.contains(String.valueOf(v)), what);
            }
        }
    }

    @Test
    void nonFiniteParametersAreRefusedByEveryRecord() throws Exception {
        Ferrimagnet f = Presets.gdCo();
        Mesh1D mesh = new Mesh1D(16, 1e-9, 1e-16);
        for (Record r : new Record[] {f, f.tm(), f.re(), f.heavyMetal(), mesh, Medium.of(f.at(300), mesh),
                SweepSettings.defaults()}) {
            checkAll(r);
        }
        System.out.println("physical parameters: " + tried + " non-finite or out-of-range values refused");
    }
}
