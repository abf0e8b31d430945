package cn.beian.materials.service;

import cn.beian.materials.config.MaterialsConfig;
import cn.beian.platform.problem.FieldViolation;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.problem.ProblemType;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import org.apache.tika.Tika;

/**
 * Judges an uploaded file by its bytes (docs/domain.md §5.5): the type from its magic numbers (Apache Tika), never the
 * file name or declared type; it must decode as that image type (ImageIO with TwelveMonkeys' JPEG reader), within
 * the configured dimensions; location metadata is stripped and the SHA-256 taken of the bytes that are stored.
 */
@Startup // Tika's type registry and ImageIO's plugin scan take seconds: at boot, not on the first upload
@ApplicationScoped
public class ContentCheck {

    /**
     * Decoding is verified on a subsampled raster of about this many pixels, so memory stays bounded. The decoder
     * still reads and entropy-decodes every byte of the file (a broken one warns or fails however small the raster);
     * only the pixels written out are fewer: a 1600×1200 photo costs about 10 ms of CPU instead of 15 at 2 MP.
     */
    private static final long VERIFY_PIXELS = 500_000L;

    private final MaterialsConfig config;
    private final Tika tika = new Tika();

    public ContentCheck(MaterialsConfig config) {
        this.config = config;
        ImageIO.setUseCache(false);
        ImageIO.scanForPlugins();
    }

    /** The bytes to store and what they are. */
    public record Checked(byte[] bytes, String contentType, int width, int height, String sha256) {
    }

    public Checked check(byte[] upload) {
        if (upload.length == 0) {
            throw invalid("EMPTY_FILE", "field.file-empty");
        }
        String detected = tika.detect(upload);
        if (!config.allowedTypes().contains(detected)) {
            throw ProblemException.localized(ProblemType.UNSUPPORTED_MEDIA_TYPE, "detail.file-type-not-accepted",
                    List.of(FieldViolation.of("file", "UNSUPPORTED_FILE_TYPE", "field.file-type-not-accepted",
                            detected)), String.join(" / ", config.allowedTypes()), detected)
                    .with("detectedType", detected).with("allowedTypes", config.allowedTypes());
        }
        int[] size = decode(upload, detected);
        byte[] stored = MetadataStripper.strip(upload, detected);
        return new Checked(stored, detected, size[0], size[1], sha256(stored));
    }

    private int[] decode(byte[] bytes, String type) {
        if ("image/jpeg".equals(type) && !endsWith(bytes, (byte) 0xFF, (byte) 0xD9)) {
            throw invalid("IMAGE_TRUNCATED", "field.jpeg-truncated");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw invalid("IMAGE_UNDECODABLE", "field.image-undecodable");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                checkDimensions(w, h);
                AtomicReference<String> warning = new AtomicReference<>();
                reader.addIIOReadWarningListener(new IIOReadWarningListener() {
                    @Override
                    public void warningOccurred(ImageReader source, String message) {
                        warning.compareAndSet(null, message);
                    }
                });
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (int) Math.max(1, Math.ceil(Math.sqrt((double) w * h / VERIFY_PIXELS)));
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage image = reader.read(0, param);
                if (image == null || warning.get() != null) {
                    throw warning.get() == null ? invalid("IMAGE_UNDECODABLE", "field.image-corrupt")
                            : invalid("IMAGE_UNDECODABLE", "field.image-corrupt-because", warning.get());
                }
                return new int[] {w, h};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException p) {
                throw p;
            }
            throw invalid("IMAGE_UNDECODABLE", "field.image-undecodable-because", String.valueOf(e.getMessage()));
        }
    }

    private void checkDimensions(int w, int h) {
        if (w < config.minWidth() || h < config.minHeight() || w > config.maxWidth() || h > config.maxHeight()
                || (long) w * h > config.maxPixels()) {
            throw ProblemException.localized(ProblemType.VALIDATION_FAILED, "detail.image-dimensions-out-of-range",
                    List.of(FieldViolation.of("file", "IMAGE_DIMENSIONS_OUT_OF_RANGE", "field.image-dimensions-allowed",
                            String.valueOf(config.minWidth()), String.valueOf(config.maxWidth()),
                            String.valueOf(config.minHeight()), String.valueOf(config.maxHeight()),
                            String.valueOf(config.maxPixels()))), String.valueOf(w), String.valueOf(h))
                    .with("width", w).with("height", h);
        }
    }

    private static boolean endsWith(byte[] bytes, byte a, byte b) {
        // Some encoders pad after EOI; allow trailing zero bytes.
        int i = bytes.length - 1;
        while (i > 1 && bytes[i] == 0) {
            i--;
        }
        return i >= 1 && bytes[i - 1] == a && bytes[i] == b;
    }

    /** The file is refused: {@code key} words why (a {@code field.} entry of the bundle), with {@code args}. */
    static ProblemException invalid(String code, String key, Object... args) {
        return ProblemException.invalidFields(List.of(FieldViolation.of("file", code, key, args)));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
