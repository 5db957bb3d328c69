# Sourced by bin/cascadence and bin/task: sets cds_opts, the JVM options of class data sharing for this process.
# The first run of a kind ($1: container or task) records the classes it loaded into an archive when it exits, and
# later runs map that archive instead of loading those classes again (a few hundred ms of every start). The archive
# belongs to one JVM and one set of boot jars, so its name carries a checksum of both; the JVM ignores an archive
# that does not match. It is written under a temporary name and promoted at the next start once its writer is
# gone, so two processes never write one file; the JVM checks an archive before mapping it and ignores a bad one.
# CASCADENCE_CDS=false turns it off.
cds_opts=()
if [ "${CASCADENCE_CDS:-true}" != "false" ]; then
  cds_key="$( { readlink -f "$(command -v "$java")"; stat -c '%n %s %Y' "$home"/system/boot/*.jar; } | cksum | cut -d' ' -f1)"
  cds_archive="$home/cache/cds-$1-$cds_key.jsa"
  mkdir -p "$home/cache"
  if [ ! -f "$cds_archive" ]; then
    for written in "$cds_archive".tmp-*; do
      [ -f "$written" ] && ! kill -0 "${written##*.tmp-}" 2>/dev/null && mv -f "$written" "$cds_archive" && break
    done
  fi
  if [ -f "$cds_archive" ]; then
    cds_opts=(-XX:SharedArchiveFile="$cds_archive")
  else
    cds_opts=(-XX:ArchiveClassesAtExit="$cds_archive.tmp-$$")
  fi
  cds_opts+=(-Xlog:cds=off -Xlog:cds+dynamic=off)
fi
