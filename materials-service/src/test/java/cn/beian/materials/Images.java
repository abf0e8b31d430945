package cn.beian.materials;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;

/** Test files: genuine images (with a GPS-bearing EXIF segment), disguised and broken ones. */
final class Images {

    /** The EXIF marker text the tests look for after stripping. */
    static final String GPS_MARK = "GPSLatitude 39.9042 N";

    private Images() {
    }

    static byte[] jpeg(int w, int h) {
        return encode(w, h, "jpg");
    }

    static byte[] png(int w, int h) {
        return encode(w, h, "png");
    }

    /** A JPEG with an APP1 Exif segment carrying a location-like text right after SOI. */
    static byte[] jpegWithGps(int w, int h) {
        byte[] plain = jpeg(w, h);
        byte[] payload = ("Exif\0\0" + GPS_MARK).getBytes(StandardCharsets.ISO_8859_1);
        int len = payload.length + 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(len >> 8);
        out.write(len & 0xFF);
        out.write(payload, 0, payload.length);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] script() {
        return "#!/bin/sh\nrm -rf / --no-preserve-root\n".getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] truncated(byte[] image) {
        return Arrays.copyOf(image, image.length / 2);
    }

    static byte[] gif() {
        return encode(300, 300, "gif");
    }

    private static byte[] encode(int w, int h, String format) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(40, 90, 160));
        g.fillRect(0, 0, w, h);
        g.setColor(Color.WHITE);
        g.drawString("beian " + w + "x" + h, 10, Math.min(h - 5, 40));
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(img, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
