# The application on a Java 17 runtime, running the jar that ./mvnw package builds:
#   ./mvnw -DskipTests package && docker compose up --build
FROM eclipse-temurin:17.0.15_6-jre

RUN groupadd --system pmo && useradd --system --gid pmo --home-dir /app --no-create-home pmo
WORKDIR /app
ARG JAR_FILE=target/pmo-service-lifecycle-1.0.0-SNAPSHOT.jar
COPY ${JAR_FILE} /app/pmo-service-lifecycle.jar
USER pmo

# production settings come from the environment: DB_URL, DB_USERNAME, DB_PASSWORD, ADMIN_USER, ADMIN_PASSWORD
ENV SPRING_PROFILES_ACTIVE=postgres \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 8080
# the image has bash but no HTTP client: ask the health endpoint over bash's /dev/tcp
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=4 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /actuator/health HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q '\"UP\"' <&3"]
ENTRYPOINT ["java", "-jar", "/app/pmo-service-lifecycle.jar"]
