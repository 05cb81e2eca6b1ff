package dev.vectorjpa.sample.web;

import java.io.IOException;
import java.util.List;

import dev.vectorjpa.sample.CurrentDomain;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes the {@code X-Domain} header (or the first configured domain) current for API requests; an unknown domain is
 * answered with a problem detail.
 */
public class DomainFilter extends OncePerRequestFilter {

	/** The request header naming the domain. */
	public static final String HEADER = "X-Domain";

	private final CurrentDomain currentDomain;

	private final List<String> domains;

	public DomainFilter(CurrentDomain currentDomain, List<String> domains) {
		this.currentDomain = currentDomain;
		this.domains = domains;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HEADER);
		String domain = (header == null || header.isBlank()) ? this.domains.get(0) : header.trim();
		if (!this.domains.contains(domain)) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
					+ "\"detail\":\"Unknown domain in header X-Domain; known domains: " + String.join(", ", this.domains)
					+ "\",\"instance\":\"" + request.getRequestURI() + "\"}");
			return;
		}
		try {
			this.currentDomain.call(domain, () -> {
				try {
					chain.doFilter(request, response);
				}
				catch (IOException | ServletException ex) {
					throw new FilterFailure(ex);
				}
				return null;
			});
		}
		catch (FilterFailure failure) {
			if (failure.getCause() instanceof IOException io) {
				throw io;
			}
			throw (ServletException) failure.getCause();
		}
	}

	private static final class FilterFailure extends RuntimeException {

		FilterFailure(Exception cause) {
			super(cause);
		}

	}

}
