package io.habeas.kernel.text;

import java.text.Normalizer;
import java.util.Optional;

/**
 * What text a person may have written: the rule every free-text field follows. Text is compared
 * and stored in NFC. Refused: control characters (a line may not even hold a tab or a line break;
 * a paragraph may hold those), bidi embeddings, overrides and isolates (they reorder what a reader
 * sees), unpaired surrogates and noncharacters, and format characters other than the joiners a
 * script needs (ZWJ, ZWNJ between letters or marks or, for ZWJ, within an emoji sequence) and the
 * directional marks. Text that shows nothing once spaces and blank-looking letters are set aside
 * is refused too.
 */
public final class HumanText {
    /** How much layout a field may hold. */
    public enum Shape {
        /** A name, a title, a place: one line. */
        LINE,
        /** A description or a quotation: line breaks and tabs allowed. */
        PARAGRAPH
    }

    private static final int ZWNJ = 0x200C;
    private static final int ZWJ = 0x200D;

    private HumanText() {
    }

    /** The text as stored and compared: Unicode NFC. */
    public static String normalized(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** What makes the text unfit to store, as a field violation's description; empty when fine. */
    public static Optional<String> problem(String text, Shape shape) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        boolean visible = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            Optional<String> refused = refused(text, i, c, shape);
            if (refused.isPresent()) {
                return Optional.of(refused.get() + " at character " + (text.codePointCount(0, i) + 1));
            }
            visible |= shows(c);
            i += Character.charCount(c);
        }
        return visible ? Optional.empty() : Optional.of("must contain visible text");
    }

    private static Optional<String> refused(String text, int at, int c, Shape shape) {
        if (Character.isSurrogate((char) c)) {
            return Optional.of("holds an unpaired UTF-16 surrogate, which is not text");
        }
        if (isNoncharacter(c)) {
            return Optional.of("holds the noncharacter " + spelled(c));
        }
        if (Character.getType(c) == Character.CONTROL) {
            boolean layout = c == '\n' || c == '\t' || c == '\r';
            return layout && shape == Shape.PARAGRAPH ? Optional.empty()
                    : Optional.of("holds the control character " + spelled(c));
        }
        if (isBidiControl(c)) {
            return Optional.of("holds the bidi control " + spelled(c) + ", which reorders what readers see");
        }
        if (Character.getType(c) == Character.FORMAT && !isAllowedFormat(text, at, c)) {
            return Optional.of("holds the invisible format character " + spelled(c));
        }
        return Optional.empty();
    }

    /** LRE, RLE, PDF, LRO, RLO and the isolates LRI, RLI, FSI, PDI. */
    private static boolean isBidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    private static boolean isNoncharacter(int c) {
        return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
    }

    /** The directional marks (LRM, RLM, ALM) and joiners where a script or an emoji sequence needs them. */
    private static boolean isAllowedFormat(String text, int at, int c) {
        if (c == 0x200E || c == 0x200F || c == 0x061C) {
            return true;
        }
        if (c != ZWJ && c != ZWNJ) {
            return false;
        }
        if (at == 0 || at + 1 >= text.length()) {
            return false;
        }
        int before = text.codePointBefore(at);
        int after = text.codePointAt(at + 1);
        if (joins(before) && joins(after)) {
            return true;
        }
        return c == ZWJ && isPictographic(before) && isPictographic(after);
    }

    private static boolean joins(int c) {
        return Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK
                || Character.getType(c) == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isPictographic(int c) {
        return Character.getType(c) == Character.OTHER_SYMBOL || c == 0xFE0F
                || (c >= 0x1F3FB && c <= 0x1F3FF);
    }

    /** Whether the character puts ink on the page: not a space, not a format character, not a blank-looking letter. */
    private static boolean shows(int c) {
        if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT
                || Character.getType(c) == Character.CONTROL) {
            return false;
        }
        // Hangul fillers and the blank braille pattern render as nothing but are letters or symbols.
        return c != 0x115F && c != 0x1160 && c != 0x3164 && c != 0xFFA0 && c != 0x2800;
    }

    private static String spelled(int c) {
        return String.format("U+%04X", c);
    }
}
