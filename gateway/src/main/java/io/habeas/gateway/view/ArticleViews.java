package io.habeas.gateway.view;

import static io.habeas.kernel.proto.CommonProtos.emptyToNull;

import io.habeas.detention.v1.Charge;
import io.habeas.gateway.api.ChargeView;

/** A charge's article structure as the JSON shows it: absent parts are null, the source "parsed" or "sent". */
public final class ArticleViews {

    private ArticleViews() {
    }

    /** null when the charge carries no structure. */
    public static ChargeView.ArticleView of(Charge charge) {
        if (!charge.hasArticle()) {
            return null;
        }
        var a = charge.getArticle();
        return new ChargeView.ArticleView(emptyToNull(a.getArticle()), emptyToNull(a.getPart()), emptyToNull(a.getClause()),
                emptyToNull(a.getSubclause()), EnumValues.of(a.getStructureSource()));
    }

    /** How a timeline cites the reference: "Article 204.3.1", or a reference written out ("ч. 1 ст. 342") as written. */
    public static String cited(Charge charge) {
        String reference = charge.getArticleReference();
        return !reference.isEmpty() && Character.isDigit(reference.charAt(0)) ? "Article " + reference : reference;
    }
}
