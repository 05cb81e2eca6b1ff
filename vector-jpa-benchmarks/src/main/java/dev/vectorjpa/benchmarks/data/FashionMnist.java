package dev.vectorjpa.benchmarks.data;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import dev.vectorjpa.Metric;

/**
 * Reads ann-benchmarks' {@code fashion-mnist-784-euclidean} from Debian's {@code dataset-fashion-mnist} package: the
 * 60,000 training images are the base vectors and the 10,000 test images the queries, as raw pixel values.
 */
public final class FashionMnist {

	/** Where Debian's package puts the gzipped IDX files. */
	public static final Path DEFAULT_DIRECTORY = Path.of("/usr/share/datasets/fashion-mnist");

	private FashionMnist() {
	}

	/** Loads the data set from {@code directory}. */
	public static Dataset load(Path directory) throws IOException {
		Path train = directory.resolve("train-images-idx3-ubyte.gz");
		Path test = directory.resolve("t10k-images-idx3-ubyte.gz");
		if (!Files.isReadable(train) || !Files.isReadable(test)) {
			throw new IOException("Fashion-MNIST not found in " + directory
					+ ": install Debian's package with 'apt-get install -y dataset-fashion-mnist'");
		}
		return new Dataset("fmnist", Metric.EUCLIDEAN, readImages(train), readImages(test), null);
	}

	static float[][] readImages(Path file) throws IOException {
		try (InputStream raw = Files.newInputStream(file);
				DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(new GZIPInputStream(raw), 1 << 16))) {
			int magic = in.readInt();
			if (magic != 0x00000803) {
				throw new IOException(file + " is not an IDX image file (magic " + Integer.toHexString(magic) + ")");
			}
			int count = in.readInt();
			int rows = in.readInt();
			int cols = in.readInt();
			int dims = rows * cols;
			float[][] images = new float[count][dims];
			byte[] buffer = new byte[dims];
			for (int i = 0; i < count; i++) {
				in.readFully(buffer);
				for (int j = 0; j < dims; j++) {
					images[i][j] = buffer[j] & 0xff;
				}
			}
			return images;
		}
	}

}
