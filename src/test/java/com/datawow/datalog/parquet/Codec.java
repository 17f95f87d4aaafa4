package com.datawow.datalog.parquet;

import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;

/** The page compression of a fixture file. */
public enum Codec {
    UNCOMPRESSED(CompressionCodecName.UNCOMPRESSED),
    SNAPPY(CompressionCodecName.SNAPPY),
    GZIP(CompressionCodecName.GZIP),
    ZSTD(CompressionCodecName.ZSTD),
    /**
     * Pages stored uncompressed but labelled LZO in the footer: a codec that the reader does not
     * support, for the "unsupported codec" case (no LZO library is needed to write it).
     */
    LZO_UNSUPPORTED(CompressionCodecName.LZO);

    private final CompressionCodecName name;

    Codec(CompressionCodecName name) {
        this.name = name;
    }

    CompressionCodecName parquetName() {
        return name;
    }

    /**
     * parquet-java's own codec factory, except for GZIP, which it would take from Hadoop (absent:
     * parquet-floor only stubs it), so the JDK's gzip does it, and the LZO label.
     */
    static CompressionCodecFactory factory(int pageSize) {
        CodecFactory parquetCodecs = new CodecFactory(new PlainParquetConfiguration(), pageSize);
        return new CompressionCodecFactory() {
            @Override
            public BytesInputCompressor getCompressor(CompressionCodecName codec) {
                return switch (codec) {
                    case GZIP -> new LabelledCompressor(codec, Codec::gzip);
                    case LZO -> new LabelledCompressor(codec, bytes -> bytes);
                    default -> parquetCodecs.getCompressor(codec);
                };
            }

            @Override
            public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
                return parquetCodecs.getDecompressor(codec);
            }

            @Override
            public void release() {
                parquetCodecs.release();
            }
        };
    }

    private static BytesInput gzip(BytesInput input) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(buffer)) {
            input.writeAllTo(gzip);
        }
        return BytesInput.from(buffer.toByteArray());
    }

    private interface Transform {
        BytesInput apply(BytesInput input) throws IOException;
    }

    private record LabelledCompressor(CompressionCodecName codec, Transform transform)
            implements CompressionCodecFactory.BytesInputCompressor {

        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            return transform.apply(bytes);
        }

        @Override
        public CompressionCodecName getCodecName() {
            return codec;
        }

        @Override
        public void release() {
        }
    }
}
