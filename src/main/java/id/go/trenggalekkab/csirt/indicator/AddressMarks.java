package id.go.trenggalekkab.csirt.indicator;

/** Private and documentation ranges of IPv4 and IPv6 (RFC 1918, 6598, 3927, 5737, 4193, 4291, 3849), and RFC 5952 text. */
final class AddressMarks {

    private AddressMarks() {}

    static Mark ipv4(byte[] a) {
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        int b2 = a[2] & 0xff;
        if (b0 == 10 || b0 == 127 || (b0 == 172 && b1 >= 16 && b1 <= 31) || (b0 == 192 && b1 == 168)
                || (b0 == 169 && b1 == 254) || (b0 == 100 && b1 >= 64 && b1 <= 127) || b0 == 0) {
            return Mark.PRIVATE;
        }
        if ((b0 == 192 && b1 == 0 && b2 == 2) || (b0 == 198 && b1 == 51 && b2 == 100) || (b0 == 203 && b1 == 0 && b2 == 113)) {
            return Mark.DOCUMENTATION;
        }
        return Mark.NONE;
    }

    static Mark ipv6(byte[] a) {
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        boolean loopbackOrUnspecified = true;
        for (int i = 0; i < 15; i++) {
            loopbackOrUnspecified &= a[i] == 0;
        }
        if (loopbackOrUnspecified || (b0 & 0xfe) == 0xfc || (b0 == 0xfe && (b1 & 0xc0) == 0x80)) {
            return Mark.PRIVATE;
        }
        if (b0 == 0x20 && b1 == 0x01 && (a[2] & 0xff) == 0x0d && (a[3] & 0xff) == 0xb8) {
            return Mark.DOCUMENTATION;
        }
        return Mark.NONE;
    }

    /** RFC 5952: lower-case, leading zeros dropped, the longest run of two or more zero groups as "::". */
    static String rfc5952(byte[] a) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((a[2 * i] & 0xff) << 8) | (a[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }
}
