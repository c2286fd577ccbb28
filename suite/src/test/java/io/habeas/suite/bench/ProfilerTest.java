package io.habeas.suite.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfilerTest {

    @Test
    void theTopMethodsComeLargestFirstWithTheirShare() {
        List<Profiler.Frame> top = Profiler.top(Map.of("a.B.c", 5L, "a.B.d", 20L, "x.Y.z", 5L, "q.R.s", 1L), 40, 3);
        assertEquals(List.of(new Profiler.Frame("a.B.d", 20, 0.5), new Profiler.Frame("a.B.c", 5, 0.125),
                new Profiler.Frame("x.Y.z", 5, 0.125)), top);
    }

    @Test
    void methodsAddUpByTheirPackagesFirstThreeSegments() {
        assertEquals("org.hibernate.sql", Profiler.packageOf("org.hibernate.sql.exec.Executor.run"));
        assertEquals("io.netty", Profiler.packageOf("io.netty.Channel.write"));
        assertEquals("java.util", Profiler.packageOf("java.util.HashMap$Node.hash"));
        assertEquals("(default package)", Profiler.packageOf("Main.run"));
        assertEquals(Map.of("java.util", 7L, "io.netty", 2L), Profiler.byPackage(Map.of("java.util.HashMap.get", 3L,
                "java.util.ArrayList.add", 4L, "io.netty.Channel.write", 2L)));
    }
}
