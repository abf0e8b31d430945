package cn.beian.materials.service;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Removes metadata that may carry a location (GPS in EXIF, XMP, IPTC, text chunks) from JPEG and PNG files without
 * re-encoding the pixels. JPEG: drops APP1 (EXIF, XMP), APP13 (IPTC/Photoshop) and COM segments before the scan,
 * keeps JFIF, ICC profiles (APP2) and Adobe (APP14) colour information. PNG: drops eXIf, tEXt, zTXt, iTXt and tIME.
 * Works on the (size-bounded) upload buffer. A dropped EXIF orientation is a known cost: scans rarely carry one.
 */
final class MetadataStripper {

    private MetadataStripper() {
    }

    static byte[] strip(byte[] in, String type) {
        return switch (type) {
            case "image/jpeg" -> jpeg(in);
            case "image/png" -> png(in);
            default -> in;
        };
    }

    private static byte[] jpeg(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        boolean dropped = false;
        out.write(in, 0, 2); // SOI
        int i = 2;
        while (i + 4 <= in.length) {
            if ((in[i] & 0xFF) != 0xFF) {
                break; // not a marker: leave the rest as it is
            }
            int marker = in[i + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte
                i++;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) { // start of scan / end: copy the rest
                break;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { // standalone markers
                out.write(in, i, 2);
                i += 2;
                continue;
            }
            int len = ((in[i + 2] & 0xFF) << 8) | (in[i + 3] & 0xFF);
            if (len < 2 || i + 2 + len > in.length) {
                break;
            }
            boolean drop = marker == 0xE1 || marker == 0xED || marker == 0xFE;
            if (!drop) {
                out.write(in, i, 2 + len);
            }
            dropped |= drop;
            i += 2 + len;
        }
        if (!dropped) {
            return in; // nothing to remove: no copy of the whole file
        }
        out.write(in, i, in.length - i);
        return out.toByteArray();
    }

    private static byte[] png(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, 8); // signature
        int i = 8;
        while (i + 12 <= in.length) {
            long len = ((long) (in[i] & 0xFF) << 24) | ((in[i + 1] & 0xFF) << 16) | ((in[i + 2] & 0xFF) << 8)
                    | (in[i + 3] & 0xFF);
            if (len > in.length - i - 12) {
                break;
            }
            String type = new String(in, i + 4, 4, StandardCharsets.US_ASCII);
            int total = (int) len + 12;
            boolean drop = switch (type) {
                case "eXIf", "tEXt", "zTXt", "iTXt", "tIME" -> true;
                default -> false;
            };
            if (!drop) {
                out.write(in, i, total);
            }
            i += total;
        }
        out.write(in, i, in.length - i);
        return out.toByteArray();
    }
}
