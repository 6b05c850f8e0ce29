package id.go.trenggalekkab.csirt.support;

import id.go.trenggalekkab.csirt.CsirtMaildeskApplication;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * The desk's own main, which on an orderly stop prints the heap's peak use, so a
 * benchmark can read what a capped heap really needed. The figure is the sum of each
 * heap pool's peak: an upper bound, since the pools need not peak at the same moment.
 */
public final class HeapReportingDesk {

    private HeapReportingDesk() {}

    public static void main(String[] args) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.println("PEAK_HEAP_BYTES=" + peak);
        }, "heap-peak-report"));
        CsirtMaildeskApplication.main(args);
    }
}
