package cn.beian.materials.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Location-bearing metadata goes, the pixels stay. */
class MetadataStripperTest {

    @Test
    void pngTextChunksAreDroppedAndTheImageStillDecodes() throws Exception {
        BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        img.setRGB(3, 4, 0x123456);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        byte[] png = out.toByteArray();
        byte[] withText = insertAfterIhdr(png, chunk("tEXt", "GPS\0lat=39.90 lon=116.40"));
        assertTrue(new String(withText, StandardCharsets.ISO_8859_1).contains("lat=39.90"));

        byte[] stripped = MetadataStripper.strip(withText, "image/png");
        assertFalse(new String(stripped, StandardCharsets.ISO_8859_1).contains("lat=39.90"));
        assertEquals(png.length, stripped.length);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(stripped));
        assertNotNull(back);
        assertEquals(0x123456, back.getRGB(3, 4) & 0xFFFFFF);
    }

    @Test
    void jpegExifAndCommentsAreDroppedAndAJpegWithoutThemIsNotCopied() throws Exception {
        BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", encoded);
        byte[] plain = encoded.toByteArray();
        assertSame(plain, MetadataStripper.strip(plain, "image/jpeg"), "nothing to drop: the upload itself");

        ByteArrayOutputStream withMeta = new ByteArrayOutputStream();
        withMeta.write(plain, 0, 2); // SOI
        withMeta.writeBytes(segment(0xE1, "Exif\0\0lat=39.90"));
        withMeta.writeBytes(segment(0xFE, "shot at lon=116.40"));
        withMeta.write(plain, 2, plain.length - 2);
        byte[] stripped = MetadataStripper.strip(withMeta.toByteArray(), "image/jpeg");
        String text = new String(stripped, StandardCharsets.ISO_8859_1);
        assertFalse(text.contains("lat=39.90") || text.contains("lon=116.40"));
        assertEquals(plain.length, stripped.length);
        assertNotNull(ImageIO.read(new ByteArrayInputStream(stripped)));
    }

    private static byte[] segment(int marker, String data) {
        byte[] d = data.getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(marker);
        out.write((d.length + 2) >>> 8);
        out.write(d.length + 2);
        out.writeBytes(d);
        return out.toByteArray();
    }

    private static byte[] insertAfterIhdr(byte[] png, byte[] chunk) {
        int at = 8 + 25; // signature + IHDR (4 length + 4 type + 13 data + 4 crc)
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, at);
        out.write(chunk, 0, chunk.length);
        out.write(png, at, png.length - at);
        return out.toByteArray();
    }

    private static byte[] chunk(String type, String text) {
        byte[] data = text.getBytes(StandardCharsets.ISO_8859_1);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int n = data.length;
        out.write(n >>> 24);
        out.write(n >>> 16);
        out.write(n >>> 8);
        out.write(n);
        out.write(t, 0, 4);
        out.write(data, 0, n);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        long c = crc.getValue();
        out.write((int) (c >>> 24));
        out.write((int) (c >>> 16));
        out.write((int) (c >>> 8));
        out.write((int) c);
        return out.toByteArray();
    }
}
