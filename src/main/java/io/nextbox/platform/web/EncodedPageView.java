package io.nextbox.platform.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.Map;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.view.ThymeleafView;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * A Thymeleaf view that encodes the page it writes with {@link String#getBytes(Charset)}, in one call, instead of
 * through Tomcat's writer. Thymeleaf renders a page into a buffer and writes it whole
 * ({@code spring.thymeleaf.servlet.produce-partial-output-while-processing=false}); Tomcat's writer then encodes it
 * with a {@code CharsetEncoder}, which leaves its fast ASCII loop at the first character that is not ASCII (the
 * " · " of every page's title) and encodes the rest of its 8 KB buffer one character at a time: in a JFR profile of
 * the portal pages under load, that loop was the hottest method (7 % of the web threads' samples), and it grows
 * with the page. The bytes are the same; so are the headers, which the view sets before it asks for the writer.
 */
public class EncodedPageView extends ThymeleafView {

	@Override
	public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
			throws Exception {
		super.render(model, request, new EncodingResponse(response));
	}

	/** Makes Boot's Thymeleaf view resolver answer with this view. */
	@Component
	static final class Resolver implements BeanPostProcessor {

		@Override
		public Object postProcessBeforeInitialization(Object bean, String beanName) {
			if (bean instanceof ThymeleafViewResolver resolver) {
				resolver.setViewClass(EncodedPageView.class);
			}
			return bean;
		}

	}

	/** A response whose writer encodes each string it is given and writes the bytes to the response's stream. */
	static final class EncodingResponse extends HttpServletResponseWrapper {

		private PrintWriter writer;

		EncodingResponse(HttpServletResponse response) {
			super(response);
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			if (this.writer == null) {
				this.writer = new PrintWriter(new BytesWriter(getOutputStream(),
						Charset.forName(getCharacterEncoding())), false);
			}
			return this.writer;
		}

	}

	private static final class BytesWriter extends Writer {

		private final ServletOutputStream out;

		private final Charset charset;

		BytesWriter(ServletOutputStream out, Charset charset) {
			this.out = out;
			this.charset = charset;
		}

		@Override
		public void write(String text) throws IOException {
			this.out.write(text.getBytes(this.charset));
		}

		@Override
		public void write(String text, int offset, int length) throws IOException {
			write(text.substring(offset, offset + length));
		}

		@Override
		public void write(char[] chars, int offset, int length) throws IOException {
			write(new String(chars, offset, length));
		}

		@Override
		public void flush() throws IOException {
			this.out.flush();
		}

		@Override
		public void close() throws IOException {
			this.out.close();
		}

	}

}
