import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "react-toastify";

import { telemetry } from "@/apiClient";
import { managerClient } from "@/managerClient";

import { Framework, RepositorySelection, SliceImport } from "../types";
import {
  fetchSlicesFromLibraries,
  getDefaultBranch,
  getProjectDetails,
} from "../utils/github";

export function useGitIntegration() {
  const [isImportingSlices, setIsImportingSlices] = useState(false);
  const [fetchedSlices, setFetchedSlices] = useState<SliceImport[]>([]);

  const { data: githubIntegrations } = useSuspenseQuery({
    queryKey: ["getIntegrations"],
    queryFn: () => managerClient.prismicRepository.fetchGitIntegrations(),
  });
  const { mutateAsync: fetchGitHubToken } = useMutation({
    mutationFn: (args: { integrationId: string }) => {
      return managerClient.prismicRepository.fetchGitIntegrationToken({
        integrationId: args.integrationId,
      });
    },
  });

  const resetImportedSlices = () => {
    setFetchedSlices([]);
    setIsImportingSlices(false);
  };

  const fetchSlicesFromGithub = async (args: {
    repository: RepositorySelection;
    targetFramework: Framework;
  }) => {
    const { repository, targetFramework } = args;

    try {
      resetImportedSlices();
      setIsImportingSlices(true);

      void telemetry.track({
        event: "slice-library:fetching-started",
        source_project_id: repository.fullName,
      });

      const { token } = await fetchGitHubToken({
        integrationId: repository.integrationId,
      });

      const [owner, repo] = args.repository.fullName.split("/");

      if (!owner || !repo) {
        throw new GitHubImportError("Invalid GitHub URL format");
      }

      const branch = await getDefaultBranch({ owner, repo, token });

      let libraries: string[] | undefined;

      try {
        const project = await getProjectDetails({ owner, repo, branch, token });
        if (project.framework !== targetFramework) {
          throw new GitHubImportError("Incompatible project framework.");
        }

        libraries = project.libraries;
      } catch (error) {
        throw new GitHubImportError(`
          Failed to fetch slicemachine.config.json: ${
            error instanceof Error ? error.message : "Unknown error"
          }
        `);
      }

      if (libraries.length === 0) {
        throw new GitHubImportError(
          "No libraries were found in the SM config.",
        );
      }

      const fetchedSlices = await fetchSlicesFromLibraries({
        owner,
        repo,
        branch,
        libraries,
        token,
      });

      if (fetchedSlices.length === 0) {
        throw new GitHubImportError("No slices were found in the libraries.");
      }

      setFetchedSlices(fetchedSlices);
      toast.success(
        `Found ${fetchedSlices.length} slice(s) from ${libraries.length} library/libraries`,
      );

      void telemetry.track({
        event: "slice-library:fetching-ended",
        error: false,
        slices_count: fetchedSlices.length,
        source_project_id: repository.fullName,
      });

      return fetchedSlices;
    } catch (error) {
      if (error instanceof GitHubImportError) {
        toast.error(error.message);
      } else {
        toast.error(
          `Failed to import from GitHub: ${
            error instanceof Error ? error.message : "Unknown error"
          }`,
        );
      }

      void telemetry.track({
        event: "slice-library:fetching-ended",
        error: true,
        source_project_id: repository.fullName,
      });

      return [];
    } finally {
      setIsImportingSlices(false);
    }
  };

  return {
    integrations: githubIntegrations.integrations ?? [],
    fetchedSlices: fetchedSlices ?? [],
    isImportingSlices,
    resetImportedSlices,
    fetchSlicesFromGithub,
  };
}

class GitHubImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GitHubImportError";
  }
}
