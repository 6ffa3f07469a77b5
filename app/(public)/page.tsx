export default function Home() {
  return <h1>Accountdesk</h1>;
}
