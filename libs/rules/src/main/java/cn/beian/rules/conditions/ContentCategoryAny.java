package cn.beian.rules.conditions;

import cn.beian.rules.Condition;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import java.util.List;
import java.util.Map;

/**
 * {@code CONTENT_CATEGORY_ANY}: the website declares one of {@code categories} (names of
 * {@link cn.beian.rules.ContentCategory}); where it declares no category at all, one of {@code words} in its name or
 * remarks makes it unknown — the material is listed as possibly needed and the reviewer decides (the catalogue's
 * "service content" resolution: keywords are for the reviewer, not a block). Asked about the subject: any website.
 */
final class ContentCategoryAny implements Condition {

    @Override
    public Boolean holds(Map<String, Object> params, OrderDocument order, Facts facts, Integer website) {
        List<String> categories = Params.list(params, "categories");
        List<String> words = Params.list(params, "words");
        List<Texts.Where> in = List.of(Texts.Where.WEBSITE_NAME, Texts.Where.WEBSITE_REMARKS);
        return Sites.any(order, website, w -> {
            if (!w.contentCategories().isEmpty()) {
                return w.contentCategories().stream().anyMatch(c -> c != null && categories.contains(c.name()));
            }
            // no category declared: a keyword only suggests the content, and the reviewer decides
            return !words.isEmpty() && Texts.containsAny(Texts.of(order, w, in), words) ? null : Boolean.FALSE;
        });
    }
}
