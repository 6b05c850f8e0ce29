package id.go.trenggalekkab.csirt.indicator;

import com.google.common.net.InetAddresses;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The agency's systems marked vital in configuration ({@code csirt.upward.vital-systems}:
 * host names, each with the names under it, and address ranges in CIDR): an incident on
 * one of them must be reported upward within 1×24 hours (BSSN regulation 1/2024). A case
 * is on a vital system when one of its indicators names one: the report's words, or an
 * officer's {@code #ioc tambah}. Only literals are compared, never a name looked up: a
 * reporter's text decides nothing by making the desk resolve it.
 */
@Component
public class VitalSystems {

    private static final Pattern HOST_NAME = Pattern.compile("(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z0-9-]+");

    private final List<String> names = new ArrayList<>();
    private final List<Entry> ranges = new ArrayList<>();

    private record Entry(String written, Network network) {}

    /** A malformed entry stops the desk at start, naming it. */
    VitalSystems(@Value("${csirt.upward.vital-systems:}") Collection<String> entries) {
        for (String entry : entries) {
            String e = entry.strip().toLowerCase(Locale.ROOT);
            if (e.isEmpty()) {
                continue;
            }
            if (e.indexOf('/') >= 0 || e.indexOf(':') >= 0 || e.chars().allMatch(c -> c == '.' || Character.isDigit(c))) {
                ranges.add(new Entry(e, Network.parse(e)));
            } else if (HOST_NAME.matcher(e).matches()) {
                names.add(e);
            } else {
                throw new IllegalArgumentException("csirt.upward.vital-systems: '" + entry + "' is neither a host name nor "
                        + "an address range (CIDR)");
            }
        }
    }

    public boolean anyConfigured() {
        return !names.isEmpty() || !ranges.isEmpty();
    }

    /** The vital systems these indicators name, as configured ("sipd.trenggalekkab.go.id", "10.20.0.0/16"). */
    public Set<String> namedBy(Collection<Indicator> indicators) {
        Set<String> named = new LinkedHashSet<>();
        for (Indicator indicator : indicators) {
            vitalSystemOf(indicator).ifPresent(named::add);
        }
        return named;
    }

    Optional<String> vitalSystemOf(Indicator indicator) {
        Optional<String> host = indicator.type() == IndicatorType.IPV4 || indicator.type() == IndicatorType.IPV6
                ? Optional.of(indicator.value()) : indicator.host();
        if (host.isEmpty()) {
            return Optional.empty();
        }
        String h = host.get();
        Optional<String> name = names.stream().filter(n -> IndicatorExtractor.under(h, n)).findFirst();
        if (name.isPresent()) {
            return name;
        }
        byte[] address = literal(h);
        return address == null ? Optional.empty()
                : ranges.stream().filter(r -> r.network().contains(address)).map(Entry::written).findFirst();
    }

    /** An address literal's bytes; null for a name (never resolved: Guava parses literals only). */
    private static byte[] literal(String host) {
        return InetAddresses.isInetAddress(host) ? InetAddresses.forString(host).getAddress() : null;
    }
}
