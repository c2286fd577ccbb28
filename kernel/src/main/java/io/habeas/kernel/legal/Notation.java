package io.habeas.kernel.legal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the ways monitors write a reference, the article number itself read by the jurisdiction's
 * numbering:
 * <ul>
 * <li>smallest first, in words: "part 1 of article 342", "ч. 1 ст. 342", "п. «а» ч. 2 ст. 105";</li>
 * <li>article first, in words: "342 part 1", "ст. 342 ч. 1", "Article 342, part 1, clause 2";</li>
 * <li>article first, in brackets (part, then clause, then sub-clause): "Art. 342(1)";</li>
 * <li>the number alone: "342", "204.3.1", "280.3".</li>
 * </ul>
 * Spaces, case, abbreviations with or without their dot, Latin or Cyrillic words are all one;
 * anything else (a code's name after the article, two parts, a level named twice or out of
 * order) is not read. A level the number already gives may not be written out again: under AZ,
 * "ст. 204.3" is article 204, part 3, "п. 1 ст. 204.3" adds clause 1, and "ч. 1 ст. 204.3" names
 * two parts and is not read.
 */
final class Notation {
    /** Smallest first: a reference written smallest first names them in this order. */
    enum Level { SUBCLAUSE, CLAUSE, PART, ARTICLE }

    private static final Map<String, Level> MARKERS = markers();
    private static final Pattern TOKEN = Pattern.compile("(?<space>[\\s\\p{Z}]+)"
            + "|(?<number>\\d+(?:[.-]\\d+)*)"
            + "|(?<word>\\p{L}+(?:-\\p{L}+)?)(?<dot>\\.)?"
            + "|[«\"“„'‘‹](?<quoted>\\p{L}|\\d{1,10})[»\"”“'’›]"
            + "|\\([\\s\\p{Z}]*(?<bracketed>\\p{L}|\\d{1,10})[\\s\\p{Z}]*\\)"
            + "|(?<comma>,)");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,10}");

    private Notation() {
    }

    private enum Kind { NUMBER, WORD, QUOTED, BRACKETED, COMMA }

    private record Token(Kind kind, String text, boolean dotted) {
    }

    static Optional<ArticleStructure> read(String reference, ArticleNumbering numbering) {
        if (reference == null) {
            return Optional.empty();
        }
        List<Token> tokens = tokens(Normalizer.normalize(reference.strip(), Normalizer.Form.NFC)
                .toLowerCase(Locale.ROOT).replace('ё', 'е'));
        return tokens == null || tokens.isEmpty() ? Optional.empty() : new Reading(tokens).read(numbering);
    }

    /** One reading of one reference's tokens, front to back. */
    private static final class Reading {
        private final List<Token> tokens;
        private final Map<Level, String> written = new EnumMap<>(Level.class);
        private int at;

        Reading(List<Token> tokens) {
            this.tokens = tokens;
        }

        Optional<ArticleStructure> read(ArticleNumbering numbering) {
            if (!smallestFirst()) {
                return Optional.empty();
            }
            boolean marked = marker() == Level.ARTICLE;
            if (marked) {
                at++;
            } else if (!written.isEmpty()) {
                return Optional.empty();
            }
            Token number = current();
            if (number == null || number.kind() != Kind.NUMBER) {
                return Optional.empty();
            }
            at++;
            if (written.isEmpty() && !(current() != null && current().kind() == Kind.BRACKETED ? bracketed() : articleFirst())) {
                return Optional.empty();
            }
            return at == tokens.size() ? numbering.readNumber(number.text()).flatMap(this::combine) : Optional.empty();
        }

        /** "п. «а» ч. 2 ст. 105", "part 2 of article 280.3": each level larger than the one before, up to the article. */
        private boolean smallestFirst() {
            Level previous = null;
            for (Level level = marker(); level != null && level != Level.ARTICLE; level = marker()) {
                if (previous != null && level.compareTo(previous) <= 0 || !valueAfterMarker(level)) {
                    return false;
                }
                previous = level;
                skip(Kind.COMMA);
                if (current() != null && current().kind() == Kind.WORD && current().text().equals("of") && !current().dotted()) {
                    at++;
                }
            }
            return true;
        }

        /** "ст. 342 ч. 1", "Article 342, part 1, clause 2": each level smaller than the one before. */
        private boolean articleFirst() {
            Level previous = Level.ARTICLE;
            while (at < tokens.size()) {
                skip(Kind.COMMA);
                Level level = marker();
                if (level == null || level.compareTo(previous) >= 0 || !valueAfterMarker(level)) {
                    return false;
                }
                previous = level;
            }
            return true;
        }

        /** "Art. 342(1)(a)": part, clause, sub-clause. */
        private boolean bracketed() {
            Level[] order = {Level.PART, Level.CLAUSE, Level.SUBCLAUSE};
            for (Level level : order) {
                Token token = current();
                if (token == null || token.kind() != Kind.BRACKETED) {
                    break;
                }
                String value = value(level, new Token(Kind.QUOTED, token.text(), false));
                if (value == null) {
                    return false;
                }
                written.put(level, value);
                at++;
            }
            return true;
        }

        private boolean valueAfterMarker(Level level) {
            at++;
            String value = current() == null ? null : value(level, current());
            if (value == null) {
                return false;
            }
            written.put(level, value);
            at++;
            return true;
        }

        /** The levels the number gives with those written out, none given twice; a sub-clause needs a clause. */
        private Optional<ArticleStructure> combine(ArticleStructure number) {
            if (number.part() != null && written.containsKey(Level.PART)
                    || number.clause() != null && written.containsKey(Level.CLAUSE)
                    || number.subclause() != null && written.containsKey(Level.SUBCLAUSE)) {
                return Optional.empty();
            }
            ArticleStructure combined = new ArticleStructure(number.article(),
                    number.part() != null ? number.part() : written.get(Level.PART),
                    number.clause() != null ? number.clause() : written.get(Level.CLAUSE),
                    number.subclause() != null ? number.subclause() : written.get(Level.SUBCLAUSE));
            return combined.subclause() != null && combined.clause() == null ? Optional.empty() : Optional.of(combined);
        }

        private Level marker() {
            Token token = current();
            return token != null && token.kind() == Kind.WORD ? MARKERS.get(token.text()) : null;
        }

        private Token current() {
            return at < tokens.size() ? tokens.get(at) : null;
        }

        private void skip(Kind kind) {
            if (current() != null && current().kind() == kind) {
                at++;
            }
        }
    }

    /** A part is digits; a clause or sub-clause digits or one letter, bare or in quotes. */
    private static String value(Level level, Token token) {
        boolean digits = (token.kind() == Kind.NUMBER || token.kind() == Kind.QUOTED) && DIGITS.matcher(token.text()).matches();
        if (level == Level.PART) {
            return digits ? token.text() : null;
        }
        boolean letter = (token.kind() == Kind.WORD && !token.dotted() || token.kind() == Kind.QUOTED)
                && token.text().codePointCount(0, token.text().length()) == 1 && Character.isLetter(token.text().codePointAt(0));
        return digits || letter ? token.text() : null;
    }

    /** The tokens of a lower-cased reference without its spaces, or null if something in it is none. */
    private static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        int at = 0;
        while (at < text.length()) {
            matcher.region(at, text.length());
            if (!matcher.lookingAt()) {
                return null;
            }
            at = matcher.end();
            if (matcher.group("number") != null) {
                tokens.add(new Token(Kind.NUMBER, matcher.group("number"), false));
            } else if (matcher.group("word") != null) {
                tokens.add(new Token(Kind.WORD, matcher.group("word"), matcher.group("dot") != null));
            } else if (matcher.group("quoted") != null) {
                tokens.add(new Token(Kind.QUOTED, matcher.group("quoted"), false));
            } else if (matcher.group("bracketed") != null) {
                tokens.add(new Token(Kind.BRACKETED, matcher.group("bracketed"), false));
            } else if (matcher.group("comma") != null) {
                tokens.add(new Token(Kind.COMMA, ",", false));
            }
        }
        return tokens;
    }

    /** English, Russian, Belarusian and Ukrainian words and abbreviations for each level, as cases inflect them. */
    private static Map<String, Level> markers() {
        Map<String, Level> markers = new java.util.HashMap<>();
        for (String word : List.of("article", "art", "ст", "статья", "статьи", "статье", "статью", "арт", "артыкул",
                "артыкула", "стаття", "статті")) {
            markers.put(word, Level.ARTICLE);
        }
        for (String word : List.of("part", "ч", "часть", "части", "частью", "частка", "часткі", "частина", "частини")) {
            markers.put(word, Level.PART);
        }
        for (String word : List.of("clause", "cl", "п", "пункт", "пункта", "пункту")) {
            markers.put(word, Level.CLAUSE);
        }
        for (String word : List.of("subclause", "sub-clause", "пп", "подп", "подпункт", "подпункта", "падпункт",
                "падпункта", "підпункт", "підпункту")) {
            markers.put(word, Level.SUBCLAUSE);
        }
        return Map.copyOf(markers);
    }
}
