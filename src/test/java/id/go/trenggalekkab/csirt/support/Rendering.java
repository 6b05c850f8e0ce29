package id.go.trenggalekkab.csirt.support;

import id.go.trenggalekkab.csirt.outbound.MailModel;
import id.go.trenggalekkab.csirt.outbound.MailTemplates;
import id.go.trenggalekkab.csirt.ticket.CaseHeading;

/** Renders mail templates as the desk does, for the render tests of each feature's mail. */
public final class Rendering {

    public static final MailTemplates.Desk DESK = new MailTemplates.Desk("TTIS Trenggalekkab", "csirt@trenggalekkab.go.id");
    private static final MailTemplates TEMPLATES = new MailTemplates();

    private Rendering() {}

    public static MailTemplates.Rendered render(MailModel model) {
        return TEMPLATES.render(model, DESK);
    }

    /** A case in step 6, categorised, TLP:AMBER, as mail about it shows it. */
    public static CaseHeading aCase() {
        return new CaseHeading("TTIS-2026-00042", "[TTIS-2026-00042]", "AMBER", "Situs desa berisi judi online",
                "langkah 6: Analisis dan evaluasi", "3 Desember 2026 10.00 WIB",
                "langkah 7: Penanganan oleh APH atau langkah 9: Perbaikan oleh TTIS",
                "information-content-security/judi-online", "HIGH", "petugas@trenggalekkab.go.id");
    }
}
