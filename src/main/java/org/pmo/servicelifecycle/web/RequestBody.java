package org.pmo.servicelifecycle.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/** A request whose body was read in advance, up to a limit, to be read again by what handles it. */
public final class RequestBody extends HttpServletRequestWrapper {

	/** What a filter that reads bodies in advance accepts: 1 MiB. */
	public static final int MAX_BYTES = 1024 * 1024;

	private final byte[] body;

	public RequestBody(HttpServletRequest request, byte[] body) {
		super(request);
		this.body = body;
	}

	/** The body, read whole; null when it is longer than {@link #MAX_BYTES}. */
	public static byte[] readAtMostTheLimit(HttpServletRequest request) throws IOException {
		byte[] body = request.getInputStream().readNBytes(MAX_BYTES + 1);
		return (body.length > MAX_BYTES) ? null : body;
	}

	@Override
	public ServletInputStream getInputStream() {
		ByteArrayInputStream bytes = new ByteArrayInputStream(this.body);
		return new ServletInputStream() {

			@Override
			public int read() {
				return bytes.read();
			}

			@Override
			public int read(byte[] buffer, int offset, int length) {
				return bytes.read(buffer, offset, length);
			}

			@Override
			public boolean isFinished() {
				return bytes.available() == 0;
			}

			@Override
			public boolean isReady() {
				return true;
			}

			@Override
			public void setReadListener(ReadListener listener) {
				throw new UnsupportedOperationException("read synchronously");
			}

		};
	}

	@Override
	public BufferedReader getReader() {
		return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
	}

	@Override
	public int getContentLength() {
		return this.body.length;
	}

	@Override
	public long getContentLengthLong() {
		return this.body.length;
	}

}
