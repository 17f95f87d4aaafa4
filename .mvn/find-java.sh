# Finds a Java of a given feature release or newer, for ./mvnw and ./datalog-loader. POSIX sh, sourced.
#
# Where it looks, in this order (the first one new enough wins):
#   1. $JAVA_HOME
#   2. the java on the PATH (symbolic links followed to its home)
#   3. the newest Java in the usual install folders: those listed in $DATALOG_JDK_DIRS (colon-separated),
#      or by default /usr/lib/jvm /usr/java /usr/local/java /opt/java /opt
#      /Library/Java/JavaVirtualMachines ~/.sdkman/candidates/java ~/.jdks
#
# Every function runs in a subshell of its own: nothing leaks into the caller's variables or
# shell options (./mvnw runs with set -euf, and globbing is needed here).

# The feature release of the Java at HOME (17 for 17.0.2, 8 for 1.8.0_402), from its release file
# or else from `java -version`; prints nothing and fails if HOME has no runnable bin/java.
java_feature_version() (
  home=$1
  [ -n "$home" ] && [ -x "$home/bin/java" ] || exit 1
  version=
  if [ -f "$home/release" ]; then
    # read by the shell itself: no process per candidate
    while IFS= read -r line; do
      case $line in
        JAVA_VERSION=*) version=${line#JAVA_VERSION=}; version=${version#\"}; version=${version%%\"*}; break ;;
      esac
    done < "$home/release"
  fi
  if [ -z "$version" ]; then
    version=$("$home/bin/java" -version 2>&1 | sed -n '1s/^[^"]*"\([^"]*\)".*$/\1/p')
  fi
  case $version in 1.*) version=${version#1.} ;; esac
  version=${version%%[!0-9]*}
  [ -n "$version" ] || exit 1
  printf '%s\n' "$version"
)

# The home of the java on the PATH (nothing if there is none).
java_on_path_home() (
  java=$(command -v java 2>/dev/null) || exit 0
  while [ -L "$java" ]; do
    link=$(readlink "$java")
    case $link in
      /*) java=$link ;;
      *) java=${java%/*}/$link ;;
    esac
  done
  bin=${java%/*}
  printf '%s\n' "${bin%/*}"
)

# The Javas in the usual install folders, newest first, one home a line.
java_installed_homes() (
  set +f
  tab=$(printf '\t')
  IFS=:
  for dir in ${DATALOG_JDK_DIRS-/usr/lib/jvm:/usr/java:/usr/local/java:/opt/java:/opt:/Library/Java/JavaVirtualMachines:${HOME-}/.sdkman/candidates/java:${HOME-}/.jdks}; do
    [ -d "$dir" ] || continue
    for home in "$dir"/*; do
      # macOS bundles keep the home inside
      if [ -d "$home/Contents/Home" ]; then home=$home/Contents/Home; fi
      if version=$(java_feature_version "$home"); then printf '%s\t%s\n' "$version" "$home"; fi
    done
  done | sort -t "$tab" -k1,1nr | cut -f2-
)

# Succeeds if HOME is a Java of at least release NEED with bin/TOOL (java for running, javac for building).
java_home_has() (
  home=$1 need=$2 tool=$3
  [ -x "$home/bin/$tool" ] || exit 1
  version=$(java_feature_version "$home") || exit 1
  [ "$version" -ge "$need" ]
)

# Prints the home of the first Java of at least release NEED with bin/TOOL, in the order above; fails if none.
java_home_at_least() (
  need=$1 tool=$2
  for home in "${JAVA_HOME-}" "$(java_on_path_home)"; do
    if [ -n "$home" ] && java_home_has "$home" "$need" "$tool"; then
      printf '%s\n' "$home"
      exit 0
    fi
  done
  java_installed_homes | {
    while IFS= read -r home; do
      if java_home_has "$home" "$need" "$tool"; then
        printf '%s\n' "$home"
        exit 0
      fi
    done
    exit 1
  }
)

# What there is, for a message when nothing is new enough: "Java 17 (/usr/lib/jvm/java-17-openjdk-amd64), ..."
# or "no Java at all".
java_found_summary() (
  {
    if [ -n "${JAVA_HOME-}" ]; then printf '%s\n' "$JAVA_HOME"; fi
    java_on_path_home
    java_installed_homes
  } | {
    found=
    seen=:
    while IFS= read -r home; do
      [ -n "$home" ] || continue
      case $seen in *":$home:"*) continue ;; esac
      seen=$seen$home:
      if version=$(java_feature_version "$home"); then
        found="${found:+$found, }Java $version ($home)"
      fi
    done
    printf '%s\n' "${found:-no Java at all}"
  }
)
