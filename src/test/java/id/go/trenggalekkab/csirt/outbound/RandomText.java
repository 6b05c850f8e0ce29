package id.go.trenggalekkab.csirt.outbound;

import java.util.Random;

/** Random text for the tests that hold the desk's encoding to Jakarta Mail's. */
final class RandomText {

    private RandomText() {}

    /**
     * Up to {@code maxLength} characters of the alphabet, two in three of them one character
     * chosen for this text: biased so that every outcome (every transfer encoding, long lines,
     * lone surrogates) occurs in a few hundred texts.
     */
    static String biased(Random random, char[] alphabet, int maxLength) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(maxLength);
        char favoured = alphabet[random.nextInt(alphabet.length)];
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(3) == 0 ? alphabet[random.nextInt(alphabet.length)] : favoured);
        }
        return text.toString();
    }
}
