package id.go.trenggalekkab.csirt.digest;

import id.go.trenggalekkab.csirt.sop.CaseStep;
import id.go.trenggalekkab.csirt.sop.Priority;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.springframework.stereotype.Component;

/**
 * The digest's picture: open cases per SOP step, stacked by priority, where a table of
 * numbers says less at a glance. JFreeChart renders it headless to PNG.
 */
@Component
class DigestChart {


    byte[] openCasesByStep(Digest digest) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (CaseStep step : CaseStep.values()) {
            Map<String, Long> byPriority = digest.openByStepAndPriority().get(step.name());
            if (byPriority == null) {
                continue;
            }
            for (Priority priority : Priority.values()) {
                data.addValue(byPriority.getOrDefault(priority.name(), 0L), priority.indonesian(), "L" + step.sopStep());
            }
            data.addValue(byPriority.getOrDefault(Digest.NO_PRIORITY, 0L), "belum", "L" + step.sopStep());
        }
        JFreeChart chart = ChartFactory.createStackedBarChart("Kasus terbuka per langkah SOP", "Langkah",
                "Kasus", data, PlotOrientation.VERTICAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(png, chart, 640, 320);
        } catch (IOException e) {
            throw new UncheckedIOException("digest chart could not be rendered", e);
        }
        return png.toByteArray();
    }
}
