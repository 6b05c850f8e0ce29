package id.go.trenggalekkab.csirt.indicator;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address range written as CIDR ("103.10.20.0/24", "2001:df0:abc::/48"): the agency's own networks. */
record Network(byte[] prefix, int bits) {

    /** Only address literals are parsed, never a name looked up; a malformed range stops the desk at start. */
    static Network parse(String cidr) {
        String text = cidr.strip();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        if (address.isEmpty() || !(address.indexOf(':') >= 0 || address.chars().allMatch(c -> c == '.' || Character.isDigit(c)))) {
            throw new IllegalArgumentException("not an address range: " + cidr);
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            int bits = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
            if (bits < 0 || bits > bytes.length * 8) {
                throw new IllegalArgumentException("prefix length out of range: " + cidr);
            }
            return new Network(bytes, bits);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("not an address range: " + cidr, e);
        }
    }

    boolean contains(byte[] address) {
        if (address.length != prefix.length) {
            return false;
        }
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >> (i % 8);
            if ((address[i / 8] & mask) != (prefix[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }
}
