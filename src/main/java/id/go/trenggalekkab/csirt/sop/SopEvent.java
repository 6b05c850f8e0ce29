package id.go.trenggalekkab.csirt.sop;

/** The SOP's moves that no single command word makes. */
public enum SopEvent implements Trigger {

    /** Step 5's output is a report with category and priority: both set, the step is done. */
    CATEGORISED("#kategori dan #prioritas"),

    /** Step 7's output is APH's confirmation: their first plain answer on the case's thread. */
    APH_CONFIRMATION("konfirmasi dari APH (balasan pada utas kasus)");

    private final String forPeople;

    SopEvent(String forPeople) {
        this.forPeople = forPeople;
    }

    @Override
    public String forPeople() {
        return forPeople;
    }
}
