package cn.beian.materials.rest;

import java.util.List;

/** An order's materials (the current ones, or every version). */
public record MaterialsView(List<MaterialView> items) {
}
