package cn.beian.materials.rest;

import java.util.List;

/** Every read of an order's materials by staff. */
public record MaterialReadsView(List<MaterialReadView> items) {
}
